/*
 * The showcase's tile map of the 34 provincial units in force since 1 July 2025: one tile per unit,
 * placed roughly where it lies, north at the top and west on the left (a tile map trades true
 * shapes for equal, legible, clickable tiles). Shared by the web app's showcase page and the
 * server's page for readers without JavaScript, so both draw the same map.
 */

/** Where a unit's tile sits: row 0 is the northernmost, column 0 the westernmost. */
export interface TilePosition {
  row: number;
  col: number;
  /** A shorter label where the name does not fit a tile. */
  label?: string;
}

/** One tile per current place code (seeds/data/places.json, `current: true`). */
export const PROVINCE_TILES: Readonly<Record<string, TilePosition>> = {
  'lai-chau': { row: 0, col: 1 },
  'lao-cai': { row: 0, col: 2 },
  'tuyen-quang': { row: 0, col: 3 },
  'cao-bang': { row: 0, col: 4 },
  'dien-bien': { row: 1, col: 0 },
  'son-la': { row: 1, col: 1 },
  'phu-tho': { row: 1, col: 2 },
  'thai-nguyen': { row: 1, col: 3 },
  'lang-son': { row: 1, col: 4 },
  'quang-ninh': { row: 1, col: 5 },
  'ha-noi': { row: 2, col: 2 },
  'bac-ninh': { row: 2, col: 3 },
  'hai-phong': { row: 2, col: 4 },
  'ninh-binh': { row: 3, col: 2 },
  'hung-yen': { row: 3, col: 3 },
  'thanh-hoa': { row: 4, col: 2 },
  'nghe-an': { row: 5, col: 2 },
  'ha-tinh': { row: 6, col: 3 },
  'quang-tri': { row: 7, col: 3 },
  hue: { row: 8, col: 4 },
  'da-nang': { row: 9, col: 4 },
  'quang-ngai': { row: 10, col: 5 },
  'gia-lai': { row: 11, col: 5 },
  'dak-lak': { row: 12, col: 5 },
  'lam-dong': { row: 13, col: 4 },
  'khanh-hoa': { row: 13, col: 5 },
  'tay-ninh': { row: 14, col: 2 },
  'ho-chi-minh': { row: 14, col: 3, label: 'TP.HCM' },
  'dong-nai': { row: 14, col: 4 },
  'an-giang': { row: 15, col: 0 },
  'dong-thap': { row: 15, col: 1 },
  'vinh-long': { row: 15, col: 2 },
  'can-tho': { row: 16, col: 1 },
  'ca-mau': { row: 17, col: 0 },
};

/** A tile's size and the gap between tiles, in the SVG's own units. */
export const TILE = { width: 92, height: 46, gap: 4 } as const;

/** Shades from none to the most practices: a fill and a text colour that reads on it (WCAG AA). */
export const TILE_SHADES = [
  { fill: '#eef1f5', text: '#28354a' },
  { fill: '#d3e3f3', text: '#17202e' },
  { fill: '#9fc0e3', text: '#17202e' },
  { fill: '#2f6fae', text: '#ffffff' },
  { fill: '#0c2d4f', text: '#ffffff' },
] as const;

/**
 * The largest count each shade past "none" stands for: the quartiles of the non-zero counts, so
 * the shades split the provinces evenly (one city far ahead of the rest would otherwise leave
 * every other tile the same pale shade).
 */
export function shadeBreaks(counts: readonly number[]): number[] {
  const sorted = counts.filter((count) => count > 0).sort((a, b) => a - b);
  const steps = TILE_SHADES.length - 1;
  return sorted.length ? Array.from({ length: steps }, (_, i) => sorted[Math.ceil(((i + 1) / steps) * sorted.length) - 1]!) : [];
}

/** The shade of a count: 0 for none, then the first shade whose break holds it. */
export function shadeLevel(count: number, breaks: readonly number[]): number {
  if (count <= 0 || !breaks.length) return 0;
  const index = breaks.findIndex((limit) => count <= limit);
  return index === -1 ? breaks.length : index + 1;
}

export interface PlaceCount {
  code: string;
  name: string;
  practiceCount: number;
  /** Adoptions of published practices recorded in the place (replications), predecessors included. */
  replicationCount?: number;
}

/** What the map shades and shows on each tile: published practices, or adoptions of practices. */
export type MapMeasure = 'practiceCount' | 'replicationCount';

export interface DrawnTile extends PlaceCount {
  label: string;
  x: number;
  y: number;
  level: number;
  /** The number of the measure drawn. */
  count: number;
}

/**
 * The map of these places: each one with a tile placed, labelled and shaded; places without a
 * tile (none among the current 34) are left off the map, but not off the table beside it.
 */
export function tileMap(places: readonly PlaceCount[], measure: MapMeasure = 'practiceCount') {
  const countOf = (place: PlaceCount) => place[measure] ?? 0;
  const breaks = shadeBreaks(places.map(countOf));
  const tiles: DrawnTile[] = places.flatMap((place) => {
    const position = PROVINCE_TILES[place.code];
    if (!position) return [];
    return [
      {
        ...place,
        label: position.label ?? place.name,
        x: position.col * (TILE.width + TILE.gap),
        y: position.row * (TILE.height + TILE.gap),
        level: shadeLevel(countOf(place), breaks),
        count: countOf(place),
      },
    ];
  });
  const positions = Object.values(PROVINCE_TILES);
  const width = (Math.max(...positions.map((p) => p.col)) + 1) * (TILE.width + TILE.gap) - TILE.gap;
  const height = (Math.max(...positions.map((p) => p.row)) + 1) * (TILE.height + TILE.gap) - TILE.gap;
  return { width, height, tiles, legend: legendOf(breaks) };
}

/** The counts each shade stands for (shades that tie with the one before stand for none and are left out), for the legend. */
function legendOf(breaks: readonly number[]): { level: number; from: number; to: number }[] {
  const legend = [{ level: 0, from: 0, to: 0 }];
  breaks.forEach((to, i) => {
    const from = i === 0 ? 1 : breaks[i - 1]! + 1;
    if (from <= to) legend.push({ level: i + 1, from, to });
  });
  return legend;
}
