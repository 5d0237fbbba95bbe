import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCE_TILES, shadeBreaks, shadeLevel, TILE_SHADES, tileMap } from '../../schema/showcase/province-tiles.ts';

/* The showcase's tile map (schema/showcase/province-tiles.ts): every current unit on it, each on its own cell, roughly where it lies. */

const places: { code: string; name: string; current: boolean }[] = JSON.parse(readFileSync(new URL('../../seeds/data/places.json', import.meta.url), 'utf8'));
const current = places.filter((place) => place.current);

describe('province tiles', () => {
  it('place exactly the 34 current units: none missing, no former province, no unknown code', () => {
    expect(current).toHaveLength(34);
    expect(Object.keys(PROVINCE_TILES).sort()).toEqual(current.map((place) => place.code).sort());
  });

  it('put no two units on one cell, and every tile on the grid', () => {
    const cells = Object.values(PROVINCE_TILES).map((tile) => `${tile.row},${tile.col}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const [code, tile] of Object.entries(PROVINCE_TILES)) {
      expect(Number.isInteger(tile.row) && tile.row >= 0, code).toBe(true);
      expect(Number.isInteger(tile.col) && tile.col >= 0, code).toBe(true);
    }
  });

  it('draw the north at the top: the capital above the central coast, the central coast above the Mekong delta', () => {
    const row = (code: string) => PROVINCE_TILES[code]!.row;
    expect(row('cao-bang')).toBeLessThan(row('ha-noi'));
    expect(row('ha-noi')).toBeLessThan(row('hue'));
    expect(row('hue')).toBeLessThan(row('da-nang'));
    expect(row('da-nang')).toBeLessThan(row('ho-chi-minh'));
    expect(row('ho-chi-minh')).toBeLessThan(row('ca-mau'));
    expect(PROVINCE_TILES['dien-bien']!.col).toBeLessThan(PROVINCE_TILES['quang-ninh']!.col);
  });
});

describe('the tile map', () => {
  const counts = current.map((place, i) => ({ code: place.code, name: place.name, practiceCount: i === 0 ? 8 : i % 3 }));

  it('draws one tile per place, none overlapping, inside its own size', () => {
    const map = tileMap(counts);
    expect(map.tiles).toHaveLength(34);
    const corners = new Set(map.tiles.map((tile) => `${tile.x},${tile.y}`));
    expect(corners.size).toBe(34);
    for (const tile of map.tiles) {
      expect(tile.x).toBeGreaterThanOrEqual(0);
      expect(tile.y).toBeGreaterThanOrEqual(0);
      expect(tile.x).toBeLessThan(map.width);
      expect(tile.y).toBeLessThan(map.height);
    }
    expect(map.tiles.find((tile) => tile.code === 'ho-chi-minh')!.label).toBe('TP.HCM');
  });

  it('shades none apart, and darker for more, splitting the provinces evenly even when one city is far ahead', () => {
    // One city far ahead, the others from 1 to 4: a quarter of the largest count would shade them all alike.
    const skewed = [70, ...Array.from({ length: 31 }, (_, i) => 1 + (i % 4)), 0];
    const breaks = shadeBreaks(skewed);
    expect(breaks).toEqual([1, 2, 3, 70]);
    expect(skewed.map((count) => shadeLevel(count, breaks)).slice(0, 5)).toEqual([4, 1, 2, 3, 4]);
    expect(shadeLevel(0, breaks)).toBe(0);
    const levels = new Set(skewed.map((count) => shadeLevel(count, breaks)));
    expect(levels.size).toBe(TILE_SHADES.length);
    // Nothing published anywhere: every tile the lightest, no break to divide by.
    expect(tileMap(counts.map((c) => ({ ...c, practiceCount: 0 }))).tiles.every((tile) => tile.level === 0)).toBe(true);
  });

  it('has a legend whose ranges cover every count once, for the shades in use', () => {
    const { legend, tiles } = tileMap(counts);
    const largest = Math.max(...counts.map((c) => c.practiceCount));
    for (let count = 0; count <= largest; count++) {
      const holding = legend.filter((entry) => entry.from <= count && count <= entry.to);
      expect(holding, String(count)).toHaveLength(1);
    }
    for (const tile of tiles) expect(legend.find((entry) => entry.from <= tile.practiceCount && tile.practiceCount <= entry.to)!.level, tile.code).toBe(tile.level);
    // With one count only, the shades tie: one stands for them, the others for nothing and are left out.
    expect(tileMap([{ code: 'ha-noi', name: 'Hà Nội', practiceCount: 2 }]).legend).toEqual([
      { level: 0, from: 0, to: 0 },
      { level: 1, from: 1, to: 2 },
    ]);
  });

  it('draws and shades adoptions instead of practices when asked, a place without any counted as none', () => {
    const places = counts.map((c, i) => ({ ...c, replicationCount: i === 1 ? 5 : undefined }));
    const map = tileMap(places, 'replicationCount');
    const adopted = map.tiles.find((tile) => tile.code === places[1]!.code)!;
    expect(adopted.count).toBe(5);
    expect(adopted.level).toBeGreaterThan(0);
    expect(map.tiles.filter((tile) => tile.code !== adopted.code).every((tile) => tile.count === 0 && tile.level === 0)).toBe(true);
    expect(tileMap(places).tiles.find((tile) => tile.code === places[0]!.code)!.count).toBe(8);
  });
});
