import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vi } from '../../web/src/i18n/vi.ts';
import { viPages } from '../../web/src/i18n/vi-pages.ts';

/*
 * The Vietnamese words are split (web/src/i18n/vi.ts): the first load carries only the app
 * shell's and the home page's, and every other page fetches the rest with its code
 * (lib/lazy-page.ts). A word of the rest used by the shell or the home page would show blank on a
 * first visit: this finds the code of the first load as the bundler does, through static imports,
 * and the sections of the dictionary it names.
 */

const web = resolve(import.meta.dirname, '../../web/src');
/** The entry, the home page, and what the home page loads on demand without waiting for the words. */
const FIRST_LOAD = ['index.tsx', 'features/home/home-page.tsx', 'features/follow/follow-updates.tsx', 'components/not-found-page.tsx'];

const resolveImport = (from: string, specifier: string) => {
  const target = resolve(dirname(from), specifier);
  return [target, `${target}.ts`, `${target}.tsx`].find((path) => /\.tsx?$/.test(path) && existsSync(path));
};

/** The source files reachable from `starts` through static, non-type imports. */
function staticClosure(starts: string[]): Set<string> {
  const found = new Set<string>();
  const pending = starts.map((file) => resolve(web, file));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (found.has(file)) continue;
    found.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [statement, specifier] of source.matchAll(/^(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)) {
      if (/^import\s+type\b/.test(statement) || !specifier!.startsWith('.')) continue;
      const target = resolveImport(file, specifier!);
      if (target) pending.push(target);
    }
    for (const [, specifier] of source.matchAll(/^import\s*['"](\.[^'"]+\.tsx?)['"]/gm)) pending.push(resolve(dirname(file), specifier!));
  }
  return found;
}

/** The dictionary sections a source names, as 'section.key' or `section.${…}`. */
const sectionsNamed = (source: string, sections: readonly string[]) => sections.filter((section) => new RegExp(`['"\`]${section}\\.`).test(source));

describe('The first load’s words', () => {
  const files = [...staticClosure(FIRST_LOAD)].filter((file) => !file.includes('/i18n/'));

  it('finds the first load’s code (the check is not vacuous)', () => {
    expect(files.some((file) => file.endsWith('components/app-shell.tsx'))).toBe(true);
    expect(files.some((file) => file.endsWith('features/home/home-page.tsx'))).toBe(true);
    // A page loaded on demand is not part of it.
    expect(files.some((file) => file.endsWith('features/practice/practice-page.tsx'))).toBe(false);
  });

  it('are all in the first-load dictionary: the shell and the home page name no section of the pages’ words', () => {
    const pageSections = Object.keys(viPages);
    const misplaced = files.flatMap((file) => sectionsNamed(readFileSync(file, 'utf8'), pageSections).map((section) => `${file.slice(web.length + 1)} → ${section}`));
    expect(misplaced).toEqual([]);
  });

  it('split the dictionary without a section in both parts', () => {
    expect(Object.keys(vi).filter((section) => section in viPages)).toEqual([]);
  });

  it('come before any page loaded on demand renders: every route’s page waits for the words', () => {
    const app = readFileSync(resolve(web, 'app.tsx'), 'utf8');
    expect(app.match(/\blazyPage\(\(\) => import\(/g)?.length).toBeGreaterThan(20);
    // Only the home page, whose words are the first load's, does not wait.
    expect([...app.matchAll(/\blazy\(\(\) => import\('([^']+)'\)/g)].map((match) => match[1])).toEqual(['./features/home/home-page.tsx']);
  });
});
