import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Each feature's model is its own (README, "Map of the code"): another feature reads it through
 * that feature's service, and a workflow that spans features lives in schema/commands/, which
 * also goes through the services. A feature that imported another's model.ts would let two
 * places write the same collection by their own rules (a follow made without follow's checks).
 */

const root = resolve(import.meta.dirname, '../..');
const schema = join(root, 'schema');

/** Every `from '…'`, `import '…'` and `import('…')` specifier of a source file. */
const importsOf = (source: string) => [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);

/** schema/<folder>/<file>.ts for every folder of schema/ (the features, and commands/). */
function folderFiles(): { folder: string; file: string }[] {
  return readdirSync(schema, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(join(schema, folder.name))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => ({ folder: folder.name, file: join(schema, folder.name, name) })),
    );
}

/** The imports of other features' model.ts, as "schema/a/service.ts → schema/b/model.ts". */
function crossings(): string[] {
  const found: string[] = [];
  for (const { folder, file } of folderFiles()) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(schema, resolve(dirname(file), specifier)).split('/');
      const isModel = target.length === 2 && /^model(\.ts)?$/.test(target[1]!);
      if (isModel && target[0] !== folder) found.push(`schema/${folder}/${relative(join(schema, folder), file)} → schema/${target.join('/')}`);
    }
  }
  return found;
}

describe('feature ownership', () => {
  it('finds the imports it looks for (the check is not vacuous)', () => {
    expect(importsOf(`import { A } from '../a/model.ts';\nimport type { B } from "../b/model";\nawait import('../c/model.ts');`)).toEqual(['../a/model.ts', '../b/model', '../c/model.ts']);
    expect(folderFiles().some(({ file }) => file.endsWith('/practice/model.ts'))).toBe(true);
  });

  it('no feature and no command imports another feature’s model: they read it through its service', () => {
    expect(crossings()).toEqual([]);
  });
});
