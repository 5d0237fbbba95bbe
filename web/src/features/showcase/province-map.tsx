import { A } from '@solidjs/router';
import { createMemo, createSignal, For } from 'solid-js';
import { TILE, TILE_SHADES, tileMap, type MapMeasure, type PlaceCount } from '../../../../schema/showcase/province-tiles.ts';
import { t } from '../../i18n/i18n.ts';
import { placeHref } from '../place/place-links.ts';

const countLabel = (place: PlaceCount, measure: MapMeasure) =>
  `${place.name}: ${measure === 'replicationCount' ? t('showcase.replicationCount', place.replicationCount ?? 0) : t('topicPage.practiceCount', place.practiceCount)}`;

const MEASURES: { value: MapMeasure; label: 'nav.practices' | 'showcase.replications' }[] = [
  { value: 'practiceCount', label: 'nav.practices' },
  { value: 'replicationCount', label: 'showcase.replications' },
];

/**
 * The 34 units as a tile map, north at the top, shaded by their published practices: each tile a
 * link to the place's page, named by the place and its count, reached by Tab in the table's order.
 */
export function ProvinceMap(props: { places: readonly PlaceCount[] }) {
  // Published practices by default; adoptions show where practices spread ("pilot, then replicate").
  const [measure, setMeasure] = createSignal<MapMeasure>('practiceCount');
  const map = createMemo(() => tileMap(props.places, measure()));
  return (
    <figure class="province-map">
      <fieldset class="province-map-measure">
        <legend>{t('showcase.measure')}</legend>
        <For each={MEASURES}>
          {(choice) => (
            <label>
              <input type="radio" name="province-map-measure" value={choice.value} checked={measure() === choice.value} onChange={() => setMeasure(choice.value)} /> {t(choice.label)}
            </label>
          )}
        </For>
      </fieldset>
      <svg viewBox={`0 0 ${map().width} ${map().height}`} role="group" aria-labelledby="province-map-caption">
        <For each={map().tiles}>
          {(tile) => (
            // A <g> around it makes the compiler create the link in the SVG namespace.
            <g>
              <a href={placeHref(tile.code)} aria-label={countLabel(tile, measure())}>
                <rect x={tile.x} y={tile.y} width={TILE.width} height={TILE.height} rx="6" fill={TILE_SHADES[tile.level]!.fill} />
                <text x={tile.x + TILE.width / 2} y={tile.y + 19} text-anchor="middle" class="province-map-name" fill={TILE_SHADES[tile.level]!.text}>
                  {tile.label}
                </text>
                <text x={tile.x + TILE.width / 2} y={tile.y + 37} text-anchor="middle" class="province-map-count" fill={TILE_SHADES[tile.level]!.text}>
                  {tile.count}
                </text>
              </a>
            </g>
          )}
        </For>
      </svg>
      <figcaption id="province-map-caption">{measure() === 'replicationCount' ? t('showcase.replicationCaption') : t('showcase.mapCaption')}</figcaption>
      <ul class="province-map-legend" aria-label={measure() === 'replicationCount' ? t('showcase.replicationLegend') : t('showcase.legend')}>
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
          <th scope="col">{t('showcase.replications')}</th>
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
              <td>{place.replicationCount ?? 0}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
