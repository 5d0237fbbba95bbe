import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addCollectionItemInput, createCollectionInput } from '../../schema/collection/service.ts';
import { COLLECTION_LIMITS } from '../../schema/field-limits.ts';
import type { CollectionRecord } from '../../seeds/collections.ts';

/* The demo's curated collections in seeds/data/collections.json: what a visitor of the showcase and a curator would notice. */

const read = <T>(file: string): T[] => JSON.parse(readFileSync(new URL(`../../seeds/data/${file}`, import.meta.url), 'utf8'));
const collections = read<CollectionRecord>('collections.json');
const practices = new Set(read<{ key: string }>('practices.json').map((p) => p.key));
const topics = new Set(read<{ slug: string }>('topics.json').map((t) => t.slug));
const currentPlaces = new Set(
  read<{ code: string; current: boolean }>('places.json')
    .filter((p) => p.current)
    .map((p) => p.code),
);
const staff: Record<string, string> = JSON.parse(readFileSync(new URL('../../seeds/data/demo-accounts.json', import.meta.url), 'utf8')).staff;
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('demo collections', () => {
  it('has at least four published collections of at least three practices each, and one draft for curators to finish', () => {
    const published = collections.filter((c) => c.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(4);
    expect(published.every((c) => c.items.length >= 3 && c.publishedAt)).toBe(true);
    expect(collections.some((c) => c.status === 'draft' && c.publishedAt === null)).toBe(true);
  });

  it('has unique keys, and names only demo practices, each once per collection, with a note on why', () => {
    expect(duplicates(collections.map((c) => c.key))).toEqual([]);
    for (const c of collections) {
      expect(
        c.items.filter((i) => !practices.has(i.practice)).map((i) => i.practice),
        c.key,
      ).toEqual([]);
      expect(duplicates(c.items.map((i) => i.practice)), c.key).toEqual([]);
      expect(c.items.length, c.key).toBeLessThanOrEqual(COLLECTION_LIMITS.items);
      for (const item of c.items) expect(addCollectionItemInput.safeParse({ collectionId: 'a'.repeat(24), practiceId: 'b'.repeat(24), note: item.note }).success, item.note).toBe(true);
      expect(c.items.every((i) => i.note.length > 0)).toBe(true);
    }
  });

  it('passes the rules a curator’s form passes: known topics, current places, texts within bounds, made by staff who curate', () => {
    for (const c of collections) {
      const parsed = createCollectionInput.safeParse({ title: c.title, slug: c.key, intro: c.intro, topics: c.topics, places: c.places, edition: c.edition });
      expect(parsed.error?.issues ?? [], c.key).toEqual([]);
      expect(parsed.data).toMatchObject({ title: c.title, intro: c.intro, edition: c.edition });
      expect(
        c.topics.filter((t) => !topics.has(t)),
        c.key,
      ).toEqual([]);
      expect(
        c.places.filter((p) => !currentPlaces.has(p)),
        c.key,
      ).toEqual([]);
      expect(['curator', 'admin'], c.key).toContain(staff[c.createdBy]);
    }
  });
});
