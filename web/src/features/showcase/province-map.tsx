import { A } from '@solidjs/router';
import { createMemo, For } from 'solid-js';
import { TILE, TILE_SHADES, tileMap, type PlaceCount } from '../../../../schema/showcase/province-tiles.ts';
import { t } from '../../i18n/i18n.ts';
import { placeHref } from '../place/place-links.ts';

const countLabel = (place: PlaceCount) => `${place.name}: ${t('topicPage.practiceCount', place.practiceCount)}`;

/**
 * The 34 units as a tile map, north at the top, shaded by their published practices: each tile a
 * link to the place's page, named by the place and its count, reached by Tab in the table's order.
 */
export function ProvinceMap(props: { places: readonly PlaceCount[] }) {
  const map = createMemo(() => tileMap(props.places));
  return (
    <figure class="province-map">
      <svg viewBox={`0 0 ${map().width} ${map().height}`} role="group" aria-labelledby="province-map-caption">
        <For each={map().tiles}>
          {(tile) => (
            // A <g> around it makes the compiler create the link in the SVG namespace.
            <g>
              <a href={placeHref(tile.code)} aria-label={countLabel(tile)}>
                <rect x={tile.x} y={tile.y} width={TILE.width} height={TILE.height} rx="6" fill={TILE_SHADES[tile.level]!.fill} />
                <text x={tile.x + TILE.width / 2} y={tile.y + 19} text-anchor="middle" class="province-map-name" fill={TILE_SHADES[tile.level]!.text}>
                  {tile.label}
                </text>
                <text x={tile.x + TILE.width / 2} y={tile.y + 37} text-anchor="middle" class="province-map-count" fill={TILE_SHADES[tile.level]!.text}>
                  {tile.practiceCount}
                </text>
              </a>
            </g>
          )}
        </For>
      </svg>
      <figcaption id="province-map-caption">{t('showcase.mapCaption')}</figcaption>
      <ul class="province-map-legend" aria-label={t('showcase.legend')}>
        <For each={map().legend}>
          {(step) => (
            <li>
              <span class="province-map-swatch" style={{ background: TILE_SHADES[step.level]!.fill }} aria-hidden="true" />
              {step.from === step.to ? step.from : `${step.from}–${step.to}`}
            </li>
          )}
        </For>
      </ul>
    </figure>
  );
}

/** The map's numbers as a table, north to south: what a screen reader or a printout reads. */
export function ProvinceTable(props: { places: readonly PlaceCount[] }) {
  return (
    <table class="province-table">
      <caption>{t('showcase.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('nav.places')}</th>
          <th scope="col">{t('nav.practices')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.places}>
          {(place) => (
            <tr>
              <th scope="row">
                <A href={placeHref(place.code)}>{place.name}</A>
              </th>
              <td>{place.practiceCount}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
