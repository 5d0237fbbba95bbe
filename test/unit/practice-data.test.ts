import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRACTICE_LIMITS } from '../../schema/field-limits.ts';
import { practiceCostBands, practiceLevels } from '../../schema/practice/model.ts';

/* The demo good practices in seeds/data/practices.json: references resolve, texts fit the form's bounds. */

interface Place {
  code: string;
  current: boolean;
}
interface Organization {
  slug: string;
  kind: string;
  place: string | null;
  parent: string | null;
  current: boolean;
}
interface Topic {
  slug: string;
}
interface Expert {
  handle: string;
  organization: string;
  place: string;
  specialties: string[];
}
interface Practice {
  key: string;
  title: string;
  summary: string;
  problem: string;
  solution: string;
  results: string;
  lessons: string;
  organization: string;
  place: string;
  topics: string[];
  stage: string;
  year: number;
  links: { label: string; url: string }[];
  authors: string[];
  publishedAt: string;
  featured: boolean;
  level?: string;
  partners?: string[];
  costBand?: string;
  beneficiaries?: string;
  challenges?: string;
  conditions?: string;
  contact?: string;
}

const read = <T>(file: string): T[] => JSON.parse(readFileSync(new URL(`../../seeds/data/${file}`, import.meta.url), 'utf8'));

const places = read<Place>('places.json');
const organizations = read<Organization>('organizations.json');
const topics = read<Topic>('topics.json');
const experts = read<Expert>('experts.json');
const practices = read<Practice>('practices.json');

const placeByCode = new Map(places.map((p) => [p.code, p]));
const orgBySlug = new Map(organizations.map((o) => [o.slug, o]));
const expertByHandle = new Map(experts.map((e) => [e.handle, e]));
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

const LONG_FIELDS = ['problem', 'solution', 'results', 'lessons'] as const;
const TEXT_FIELDS = ['title', 'summary', ...LONG_FIELDS] as const;
// C0 (but line feed), DEL, C1, and the bidirectional overrides; the form refuses the same.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

describe('demo practices', () => {
  it('has at least 160 records', () => {
    expect(practices.length).toBeGreaterThanOrEqual(160);
  });

  it('has unique keys in slug form', () => {
    expect(duplicates(practices.map((p) => p.key))).toEqual([]);
    for (const p of practices) expect(p.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('resolves every organisation, place, topic and author', () => {
    const topicSlugs = new Set(topics.map((t) => t.slug));
    for (const p of practices) {
      expect(orgBySlug.has(p.organization), `${p.key} organization ${p.organization}`).toBe(true);
      expect(placeByCode.has(p.place), `${p.key} place ${p.place}`).toBe(true);
      expect(orgBySlug.get(p.organization)?.place, `${p.key} organisation's place`).toBe(p.place);
      for (const t of p.topics) expect(topicSlugs.has(t), `${p.key} topic ${t}`).toBe(true);
      for (const a of p.authors) expect(expertByHandle.has(a), `${p.key} author ${a}`).toBe(true);
    }
  });

  it('takes organisation and place from the first author, and co-authors from the same organisation or place', () => {
    for (const p of practices) {
      const [first, ...others] = p.authors.map((a) => expertByHandle.get(a)!);
      expect(first?.organization, p.key).toBe(p.organization);
      expect(first?.place, p.key).toBe(p.place);
      for (const e of others) expect(e.organization === p.organization || e.place === p.place, `${p.key} ${e.handle}`).toBe(true);
      expect(
        p.topics.some((t) => first!.specialties.includes(t)),
        `${p.key} topics vs ${first?.handle}`,
      ).toBe(true);
    }
  });

  it('has 1–3 topics, 1–3 distinct authors, 0–2 example links and a known stage', () => {
    for (const p of practices) {
      expect(p.topics.length, p.key).toBeGreaterThanOrEqual(1);
      expect(p.topics.length, p.key).toBeLessThanOrEqual(3);
      expect(duplicates(p.topics), p.key).toEqual([]);
      expect(p.authors.length, p.key).toBeGreaterThanOrEqual(1);
      expect(p.authors.length, p.key).toBeLessThanOrEqual(3);
      expect(duplicates(p.authors), p.key).toEqual([]);
      expect(p.links.length, p.key).toBeLessThanOrEqual(2);
      for (const l of p.links) {
        expect(l.label.trim().length, p.key).toBeGreaterThan(0);
        expect(l.label.length, p.key).toBeLessThanOrEqual(80);
        expect(l.url, p.key).toMatch(/^https:\/\/example\.gov\.vn\/\S+$/);
      }
      expect(['idea', 'pilot', 'operating', 'scaled'], p.key).toContain(p.stage);
      expect(typeof p.featured, p.key).toBe('boolean');
    }
  });

  it('covers every topic at least 8 times, at least 35 places and at least 10 ministries', () => {
    for (const t of topics) {
      expect(practices.filter((p) => p.topics.includes(t.slug)).length, t.slug).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(practices.map((p) => p.place)).size).toBeGreaterThanOrEqual(35);
    const ministryOf = (slug: string): string | undefined => {
      const o = orgBySlug.get(slug);
      if (!o) return undefined;
      if (o.kind === 'ministry' || o.kind === 'ministry-agency') return o.slug;
      return o.parent ? ministryOf(o.parent) : undefined;
    };
    const ministries = new Set(practices.map((p) => ministryOf(p.organization)).filter(Boolean));
    expect(ministries.size).toBeGreaterThanOrEqual(10);
  });

  it('keeps some records under the places and departments in force before 2025', () => {
    const former = practices.filter((p) => !placeByCode.get(p.place)?.current || !orgBySlug.get(p.organization)?.current);
    expect(former.length).toBeGreaterThanOrEqual(20);
    for (const p of former) expect(p.year, p.key).toBeLessThanOrEqual(2024);
  });

  it('keeps texts within the bounds of the practice form', () => {
    for (const p of practices) {
      expect(p.title.length, p.key).toBeGreaterThanOrEqual(5);
      expect(p.title.length, p.key).toBeLessThanOrEqual(200);
      expect(p.title, p.key).not.toMatch(/\n/);
      expect(p.summary.trim().length, p.key).toBeGreaterThan(0);
      expect(p.summary.length, p.key).toBeLessThanOrEqual(600);
      for (const f of LONG_FIELDS) {
        expect(p[f].length, `${p.key} ${f}`).toBeGreaterThanOrEqual(200);
        expect(p[f].length, `${p.key} ${f}`).toBeLessThanOrEqual(1500);
      }
      expect(p.results, `${p.key} results need figures`).toMatch(/\d/);
    }
  });

  it('has NFC text without control characters, trimmed, and no two texts alike', () => {
    for (const p of practices) {
      for (const f of TEXT_FIELDS) {
        const text = p[f];
        expect(text, `${p.key} ${f}`).toBe(text.normalize('NFC'));
        expect(CONTROL.test(text), `${p.key} ${f}`).toBe(false);
        expect(text, `${p.key} ${f}`).toBe(text.trim());
      }
    }
    for (const f of TEXT_FIELDS) expect(duplicates(practices.map((p) => p[f])), f).toEqual([]);
  });

  it('has valid publication times, not before the practice year and within the demo period', () => {
    for (const p of practices) {
      expect(p.publishedAt, p.key).toMatch(ISO_UTC);
      const time = Date.parse(p.publishedAt);
      expect(Number.isNaN(time), p.key).toBe(false);
      expect(new Date(time).toISOString().slice(0, 19), p.key).toBe(p.publishedAt.slice(0, 19));
      expect(Number.isInteger(p.year), p.key).toBe(true);
      expect(p.year, p.key).toBeGreaterThanOrEqual(2019);
      expect(p.year, p.key).toBeLessThanOrEqual(2026);
      expect(p.year, p.key).toBeLessThanOrEqual(new Date(time).getUTCFullYear());
      expect(p.publishedAt >= '2020-06-01' && p.publishedAt <= '2026-11-15T23:59:59Z', `${p.key} ${p.publishedAt}`).toBe(true);
    }
  });

  it('gives reuse records within the form’s bounds to at least 12 featured practices, with a known contact', () => {
    const reusable = practices.filter((p) => p.featured && p.contact && p.costBand && p.challenges && p.conditions && p.beneficiaries && p.partners?.length);
    expect(reusable.length).toBeGreaterThanOrEqual(12);
    for (const p of practices) {
      if (p.level !== undefined) expect(practiceLevels, p.key).toContain(p.level);
      if (p.costBand !== undefined) expect(practiceCostBands, p.key).toContain(p.costBand);
      if (p.contact !== undefined) expect(expertByHandle.has(p.contact), `${p.key} contact ${p.contact}`).toBe(true);
      expect((p.partners ?? []).length, p.key).toBeLessThanOrEqual(PRACTICE_LIMITS.partners);
      for (const name of p.partners ?? []) expect(name.length, p.key).toBeLessThanOrEqual(PRACTICE_LIMITS.partnerName);
      expect((p.beneficiaries ?? '').length, p.key).toBeLessThanOrEqual(PRACTICE_LIMITS.beneficiaries);
      for (const f of ['challenges', 'conditions'] as const) expect((p[f] ?? '').length, `${p.key} ${f}`).toBeLessThanOrEqual(PRACTICE_LIMITS.markdown);
    }
    // Every government practice names its level, so that the level facet counts them all.
    expect(practices.filter((p) => p.level).length).toBeGreaterThanOrEqual(160);
  });

  it('features a handful of records', () => {
    const featured = practices.filter((p) => p.featured).length;
    expect(featured).toBeGreaterThanOrEqual(8);
    expect(featured).toBeLessThanOrEqual(20);
  });
});
