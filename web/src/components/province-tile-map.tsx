import './province-tile-map.css';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { PROVINCE_TILES, TILE, TILE_SHADES } from '../../../schema/showcase/province-tiles.ts';

/** One unit's tile as a page wants it drawn: its shade, its second line, its name for screen readers, where it leads. */
export interface ProvinceTile {
  /** The place code (seeds/data/places.json): it decides where the tile sits. */
  code: string;
  /** The place's name, shown when the grid has no shorter label for it. */
  name: string;
  /** Index into TILE_SHADES: 0 for none, then lighter to darker. */
  shade: number;
  /** The tile's second line: a count, a value, "—". */
  figure: string;
  /** What a screen reader says for the tile: its name and what its figure means. */
  description: string;
  /** Where the tile leads; a tile without one is read but not reached by Tab. */
  href?: string | undefined;
  /** Drawn with a bold border (the legend says what it means on the page). */
  marked?: boolean;
}

/** One line of the legend: a shade (or the bold border) and what it stands for. */
export interface LegendStep {
  shade: number;
  marked?: boolean;
  label: string;
}

/**
 * The 34 units as a tile map, north at the top (schema/showcase/province-tiles.ts: the grid and
 * the shades), shared by the showcase and the programme's criteria: each page gives the tiles'
 * shades, figures and links. Tiles follow the order given, so Tab goes through them as the
 * page's table lists them; the caption names the map and the legend reads the shades.
 */
export function ProvinceTileMap(props: {
  id: string;
  tiles: readonly ProvinceTile[];
  caption: JSX.Element;
  legend: readonly LegendStep[];
  legendLabel: string;
  /** Above the map: a choice of what it shows. */
  controls?: JSX.Element;
  class?: string;
}) {
  const size = createMemo(() => {
    const positions = Object.values(PROVINCE_TILES);
    return {
      width: (Math.max(...positions.map((p) => p.col)) + 1) * (TILE.width + TILE.gap) - TILE.gap,
      height: (Math.max(...positions.map((p) => p.row)) + 1) * (TILE.height + TILE.gap) - TILE.gap,
    };
  });
  // A place without a tile (none among the current 34) stays off the map, not off the page's table.
  const placed = createMemo(() =>
    props.tiles.flatMap((tile) => {
      const position = PROVINCE_TILES[tile.code];
      if (!position) return [];
      const shade = TILE_SHADES[tile.shade] ?? TILE_SHADES[0];
      return [{ ...tile, label: position.label ?? tile.name, x: position.col * (TILE.width + TILE.gap), y: position.row * (TILE.height + TILE.gap), colours: shade }];
    }),
  );
  return (
    <figure class={`province-map${props.class ? ` ${props.class}` : ''}`}>
      {props.controls}
      <svg viewBox={`0 0 ${size().width} ${size().height}`} role="group" aria-labelledby={`${props.id}-caption`}>
        <For each={placed()}>
          {(tile) => {
            const drawing = () => (
              <>
                <rect x={tile.x} y={tile.y} width={TILE.width} height={TILE.height} rx="6" fill={tile.colours.fill} />
                <text x={tile.x + TILE.width / 2} y={tile.y + 19} text-anchor="middle" class="province-map-name" fill={tile.colours.text}>
                  {tile.label}
                </text>
                <text x={tile.x + TILE.width / 2} y={tile.y + 37} text-anchor="middle" class="province-map-count" fill={tile.colours.text}>
                  {tile.figure}
                </text>
              </>
            );
            return (
              <g class="province-map-tile" classList={{ 'is-marked': Boolean(tile.marked) }} data-place={tile.code}>
                <Show
                  when={tile.href}
                  fallback={
                    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is no control; "img" names a tile without a link for screen readers.
                    <g role="img" aria-label={tile.description}>
                      {drawing()}
                    </g>
                  }
                >
                  {(href) => (
                    // The link's own template starts with a <g>, so the compiler makes it an SVG link.
                    <g>
                      <a href={href()} aria-label={tile.description}>
                        {drawing()}
                      </a>
                    </g>
                  )}
                </Show>
              </g>
            );
          }}
        </For>
      </svg>
      <figcaption id={`${props.id}-caption`}>{props.caption}</figcaption>
      <ul class="province-map-legend" aria-label={props.legendLabel}>
        <For each={props.legend}>
          {(step) => (
            <li>
              <span class="province-map-swatch" classList={{ 'is-marked': Boolean(step.marked) }} style={{ background: (TILE_SHADES[step.shade] ?? TILE_SHADES[0]).fill }} aria-hidden="true" />
              {step.label}
            </li>
          )}
        </For>
      </ul>
    </figure>
  );
}
