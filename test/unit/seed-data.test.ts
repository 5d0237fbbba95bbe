import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/* The reference and demo data in seeds/data/: the invariants a user of the directory would notice. */

interface Place {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  region: string;
  current: boolean;
  successor: string | null;
  formerNames: string[];
}
interface Organization {
  slug: string;
  name: string;
  shortName: string | null;
  kind: string;
  place: string | null;
  parent: string | null;
  current: boolean;
  successor: string | null;
}
interface Topic {
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
}
interface Cohort {
  slug: string;
  name: string;
  nameEn: string;
  year: number;
}
interface Expert {
  handle: string;
  name: string;
  position: string;
  organization: string;
  place: string;
  specialties: string[];
  cohorts: string[];
  bio: string;
  links: { label: string; url: string }[];
  joinedAt: string;
}

const read = <T>(file: string): T[] => JSON.parse(readFileSync(new URL(`../../seeds/data/${file}`, import.meta.url), 'utf8'));

const places = read<Place>('places.json');
const organizations = read<Organization>('organizations.json');
const topics = read<Topic>('topics.json');
const cohorts = read<Cohort>('cohorts.json');
const experts = read<Expert>('experts.json');

const placeByCode = new Map(places.map((p) => [p.code, p]));
const orgBySlug = new Map(organizations.map((o) => [o.slug, o]));
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

const MINISTRIES = [
  'Bộ Quốc phòng',
  'Bộ Công an',
  'Bộ Ngoại giao',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Tài chính',
  'Bộ Công Thương',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Xây dựng',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Khoa học và Công nghệ',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Y tế',
  'Bộ Dân tộc và Tôn giáo',
];
const MINISTRY_AGENCIES = ['Ngân hàng Nhà nước Việt Nam', 'Thanh tra Chính phủ', 'Văn phòng Chính phủ'];
const CITIES = ['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'TP. Hồ Chí Minh', 'Cần Thơ'];

describe('places', () => {
  const current = places.filter((p) => p.current);
  const merged = places.filter((p) => !p.current);

  it('has the 63 pre-2025 provincial units, 34 of them in force since 1 July 2025', () => {
    expect(places).toHaveLength(63);
    expect(current).toHaveLength(34);
    expect(merged).toHaveLength(29);
  });

  it('has 6 centrally-run cities among the current units', () => {
    const cities = current.filter((p) => p.kind === 'city');
    expect(cities.map((p) => p.name).sort()).toEqual([...CITIES].sort());
    expect(current.filter((p) => p.kind === 'province')).toHaveLength(28);
  });

  it('has unique codes in slug form', () => {
    expect(duplicates(places.map((p) => p.code))).toEqual([]);
    for (const p of places) expect(p.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('points every merged province at a current unit, and current units at none', () => {
    for (const p of merged) expect(placeByCode.get(p.successor ?? '')?.current, p.code).toBe(true);
    for (const p of current) expect(p.successor, p.code).toBeNull();
  });

  it('keeps known mergers', () => {
    expect(placeByCode.get('quang-nam')?.successor).toBe('da-nang');
    expect(placeByCode.get('binh-duong')?.successor).toBe('ho-chi-minh');
    expect(placeByCode.get('ba-ria-vung-tau')?.successor).toBe('ho-chi-minh');
    expect(placeByCode.get('ha-giang')?.successor).toBe('tuyen-quang');
    expect(placeByCode.get('long-an')?.successor).toBe('tay-ninh');
    expect(placeByCode.get('kien-giang')?.successor).toBe('an-giang');
    expect(placeByCode.get('hue')?.formerNames).toContain('Thừa Thiên Huế');
  });

  it('uses only known kinds and regions', () => {
    for (const p of places) {
      expect(['city', 'province']).toContain(p.kind);
      expect(['north', 'central', 'south']).toContain(p.region);
    }
  });
});

describe('organizations', () => {
  it('has unique slugs', () => {
    expect(duplicates(organizations.map((o) => o.slug))).toEqual([]);
  });

  it('has the 14 ministries and 3 ministry-level agencies of the government, all current', () => {
    const ministries = organizations.filter((o) => o.kind === 'ministry' && o.current);
    const agencies = organizations.filter((o) => o.kind === 'ministry-agency' && o.current);
    expect(ministries.map((o) => o.name).sort()).toEqual([...MINISTRIES].sort());
    expect(agencies.map((o) => o.name).sort()).toEqual([...MINISTRY_AGENCIES].sort());
  });

  it('resolves every parent, successor and place', () => {
    for (const o of organizations) {
      if (o.parent !== null) expect(orgBySlug.has(o.parent), `${o.slug} parent ${o.parent}`).toBe(true);
      if (o.successor !== null) expect(orgBySlug.has(o.successor), `${o.slug} successor ${o.successor}`).toBe(true);
      if (o.place !== null) expect(placeByCode.has(o.place), `${o.slug} place ${o.place}`).toBe(true);
    }
  });

  it('gives every former organisation a current successor, and current ones none', () => {
    for (const o of organizations) {
      if (o.current) expect(o.successor, o.slug).toBeNull();
      else expect(orgBySlug.get(o.successor ?? '')?.current, `${o.slug} -> ${o.successor}`).toBe(true);
    }
  });

  it('records the 2025 mergers of the information ministry and its department', () => {
    expect(orgBySlug.get('bo-thong-tin-va-truyen-thong')).toMatchObject({ current: false, successor: 'bo-khoa-hoc-va-cong-nghe' });
    expect(orgBySlug.get('cuc-tin-hoc-hoa')).toMatchObject({ current: false, successor: 'cuc-chuyen-doi-so-quoc-gia' });
    expect(orgBySlug.get('cuc-chuyen-doi-so-quoc-gia')).toMatchObject({ current: true, parent: 'bo-khoa-hoc-va-cong-nghe' });
  });

  it('has a science-and-technology department and a digital centre in every current provincial unit', () => {
    for (const p of places.filter((q) => q.current)) {
      const departments = organizations.filter((o) => o.place === p.code && o.kind === 'department' && o.current);
      const centres = organizations.filter((o) => o.place === p.code && o.kind === 'centre' && o.current);
      expect(
        departments.map((o) => o.name),
        p.code,
      ).toContainEqual(expect.stringContaining('Sở Khoa học và Công nghệ'));
      expect(centres.length, p.code).toBeGreaterThan(0);
    }
  });

  it('uses only known kinds', () => {
    const kinds = ['ministry', 'ministry-agency', 'agency', 'department', 'centre', 'enterprise', 'university'];
    for (const o of organizations) expect(kinds, o.slug).toContain(o.kind);
  });
});

describe('topics and cohorts', () => {
  it('has unique slugs', () => {
    expect(topics.length).toBeGreaterThanOrEqual(13);
    expect(duplicates(topics.map((t) => t.slug))).toEqual([]);
    expect(duplicates(cohorts.map((c) => c.slug))).toEqual([]);
  });

  it('has the three programme intakes', () => {
    expect(cohorts.map((c) => [c.slug, c.year])).toEqual([
      ['cpdt-100-2019', 2019],
      ['cds-500-2023', 2023],
      ['cds-1000-2025', 2025],
    ]);
  });

  it('describes every topic in both languages', () => {
    for (const t of topics) for (const text of [t.name, t.nameEn, t.description, t.descriptionEn]) expect(text.trim(), t.slug).not.toBe('');
  });
});

describe('experts', () => {
  const topicSlugs = new Set(topics.map((t) => t.slug));
  const cohortSlugs = new Set(cohorts.map((c) => c.slug));

  it('has at least 150 people in at least 30 places', () => {
    expect(experts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(experts.map((e) => e.place)).size).toBeGreaterThanOrEqual(30);
  });

  it('has unique handles of the allowed form', () => {
    expect(duplicates(experts.map((e) => e.handle))).toEqual([]);
    for (const e of experts) expect(e.handle).toMatch(/^[a-z][a-z0-9._-]{2,29}$/);
  });

  it('has no one listed twice in the same organisation', () => {
    expect(duplicates(experts.map((e) => `${e.name}|${e.organization}`))).toEqual([]);
  });

  it('resolves every organisation, place, specialty and cohort', () => {
    for (const e of experts) {
      expect(orgBySlug.has(e.organization), `${e.handle} organization ${e.organization}`).toBe(true);
      expect(placeByCode.has(e.place), `${e.handle} place ${e.place}`).toBe(true);
      expect(e.specialties.length, e.handle).toBeGreaterThanOrEqual(1);
      expect(e.specialties.length, e.handle).toBeLessThanOrEqual(4);
      for (const s of e.specialties) expect(topicSlugs.has(s), `${e.handle} specialty ${s}`).toBe(true);
      expect(e.cohorts.length, e.handle).toBeLessThanOrEqual(3);
      for (const c of e.cohorts) expect(cohortSlugs.has(c), `${e.handle} cohort ${c}`).toBe(true);
      expect(duplicates(e.specialties), e.handle).toEqual([]);
      expect(duplicates(e.cohorts), e.handle).toEqual([]);
    }
  });

  it('places each person where their organisation is', () => {
    for (const e of experts) expect(e.place, e.handle).toBe(orgBySlug.get(e.organization)?.place);
  });

  it('has someone from every ministry and ministry-level agency (or one of its units)', () => {
    const topOf = (slug: string): string => {
      const o = orgBySlug.get(slug);
      return o?.parent ? topOf(o.parent) : slug;
    };
    const represented = new Set(experts.map((e) => topOf(e.organization)));
    for (const o of organizations.filter((x) => (x.kind === 'ministry' || x.kind === 'ministry-agency') && x.current)) {
      expect(represented.has(o.slug), o.name).toBe(true);
    }
  });

  it('keeps some records under the places and organisations they were written under', () => {
    const former = experts.filter((e) => !placeByCode.get(e.place)?.current || !orgBySlug.get(e.organization)?.current);
    expect(former.length).toBeGreaterThanOrEqual(15);
  });

  it('has join dates that fit the network and the cohorts', () => {
    for (const e of experts) {
      expect(e.joinedAt, e.handle).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(e.joinedAt)), e.handle).toBe(false);
      expect(e.joinedAt >= '2019-12-01' && e.joinedAt <= '2026-10-31', `${e.handle} ${e.joinedAt}`).toBe(true);
      const firstYear = Math.min(...e.cohorts.map((c) => cohorts.find((x) => x.slug === c)!.year));
      if (Number.isFinite(firstYear)) expect(Number(e.joinedAt.slice(0, 4)), e.handle).toBeGreaterThanOrEqual(firstYear);
    }
  });

  it('has distinct bios and only example links', () => {
    expect(duplicates(experts.map((e) => e.bio))).toEqual([]);
    for (const e of experts) {
      expect(e.bio.length, e.handle).toBeGreaterThan(40);
      expect(e.links.length, e.handle).toBeLessThanOrEqual(2);
      for (const l of e.links) expect(l.url, e.handle).toMatch(/^https:\/\/example\.(gov\.)?vn\//);
    }
  });
});

describe('text', () => {
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]) : [];
  const files = { places, organizations, topics, cohorts, experts };

  it.each(Object.keys(files))('%s: every string is NFC, trimmed and free of control characters', (name) => {
    for (const s of strings(files[name as keyof typeof files])) {
      expect(s.normalize('NFC'), s).toBe(s);
      expect(s, s).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(s.trim(), s).toBe(s);
    }
  });
});
