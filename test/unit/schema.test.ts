import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../schema/print.ts';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

describe('Printed schema', () => {
  it('matches schema/schema.graphql, so the web app types against the real API (run `npm run schema` when it drifts)', () => {
    expect(printedSchema()).toBe(read('schema/schema.graphql'));
  });

  it('is what web/src/graphql-env.d.ts was generated from, so the web app types its queries against it (run `npm run schema`)', () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), 'graphql-env-')), 'graphql-env.d.ts');
    const generated = spawnSync('npx', ['gql.tada', 'generate', 'output', '--output', output], { cwd: root, encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(read('web/src/graphql-env.d.ts'));
  });
});
