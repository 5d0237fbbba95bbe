// The GraphQL documents the web app sends, read from its sources, so the benchmark measures the
// pages as they are asked for today and follows every change to their selections. gql.tada keeps
// the documents in `graphql(`...`)` templates; fragments are appended as gql.tada does, and its
// client-only `@_unmask` directive is dropped, as gql.tada drops it before sending.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rootDir } from '../../server/config.ts';

const sourceDir = path.join(rootDir, 'web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

interface Definition {
  text: string;
  /** Fragments it spreads. */
  uses: string[];
}

let definitions: Map<string, Definition> | null = null;

function read(): Map<string, Definition> {
  if (definitions) return definitions;
  definitions = new Map();
  for (const file of sources(sourceDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)) {
      const text = match[1]!.replace(/\s*@_unmask\b/g, '').trim();
      const name = /^(?:query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/.exec(text)?.[1];
      if (!name) continue;
      definitions.set(name, { text, uses: [...text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)].map((m) => m[1]!).filter((n) => n !== 'on') });
    }
  }
  return definitions;
}

/** The operation the web app names `name`, with the fragments it needs, as sent over the wire. */
export function document(name: string): string {
  const all = read();
  const operation = all.get(name);
  if (!operation) throw new Error(`The web app has no GraphQL operation named ${name} (looked in web/src).`);
  const needed = new Set<string>();
  const visit = (definition: Definition) => {
    for (const fragment of definition.uses) {
      if (needed.has(fragment)) continue;
      const used = all.get(fragment);
      if (!used) throw new Error(`${name} spreads the fragment ${fragment}, not found in web/src.`);
      needed.add(fragment);
      visit(used);
    }
  };
  visit(operation);
  return [operation.text, ...[...needed].map((fragment) => all.get(fragment)!.text)].join('\n\n');
}
