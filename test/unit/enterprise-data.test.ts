import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enterpriseCapabilities } from '../../schema/enterprise/model.ts';

/* The demo's enterprises directory (seeds/data/enterprises.json): what a visitor of /enterprises would notice if it were wrong. */
const read = <T>(file: string): T[] => JSON.parse(readFileSync(new URL(`../../seeds/data/${file}`, import.meta.url), 'utf8'));
const enterprises = read<{ organization: string; capabilities: string[]; pilots: { place: string }[]; alliance: number | null; contact: string | null; practices: { practice: string }[] }>(
  'enterprises.json',
);
const organizations = new Map(read<{ slug: string; kind: string; current: boolean }>('organizations.json').map((o) => [o.slug, o]));
const places = new Map(read<{ code: string; current: boolean }>('places.json').map((p) => [p.code, p]));
const practices = new Set(read<{ key: string }>('practices.json').map((p) => p.key));
const handles = new Set(read<{ handle: string }>('experts.json').map((e) => e.handle));

describe('demo enterprises', () => {
  it('lists about a dozen current enterprises, each once', () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(12);
    expect(new Set(enterprises.map((e) => e.organization)).size).toBe(enterprises.length);
    for (const e of enterprises) expect(organizations.get(e.organization), e.organization).toMatchObject({ kind: 'enterprise', current: true });
  });

  it('uses known capabilities, current pilot provinces, demo people and practices', () => {
    for (const e of enterprises) {
      for (const c of e.capabilities) expect(enterpriseCapabilities).toContain(c);
      for (const p of e.pilots) expect(places.get(p.place)?.current, `${e.organization}: ${p.place}`).toBe(true);
      if (e.contact) expect(handles.has(e.contact), e.contact).toBe(true);
      for (const p of e.practices) expect(practices.has(p.practice), p.practice).toBe(true);
    }
  });

  it('accompanies the three pilot provinces (Huế, Quảng Ninh, and Hà Nam within Ninh Bình) and names alliance members from its founding year on', () => {
    const pilotPlaces = new Set(enterprises.flatMap((e) => e.pilots.map((p) => p.place)));
    expect([...pilotPlaces].sort()).toEqual(['hue', 'ninh-binh', 'quang-ninh']);
    const members = enterprises.filter((e) => e.alliance !== null);
    expect(members.length).toBeGreaterThanOrEqual(5);
    for (const e of members) expect(e.alliance).toBeGreaterThanOrEqual(2019);
  });
});
