import { A } from '@solidjs/router';
import { createMemo, createSignal, For } from 'solid-js';
import { ProvinceTileMap } from '../../components/province-tile-map.tsx';
import { tileMap, type MapMeasure, type PlaceCount } from '../../../../schema/showcase/province-tiles.ts';
import { t } from '../../i18n/i18n.ts';
import { placeHref } from '../place/place-links.ts';

const countLabel = (place: PlaceCount, measure: MapMeasure) =>
  `${place.name}: ${measure === 'replicationCount' ? t('showcase.replicationCount', place.replicationCount ?? 0) : t('topicPage.practiceCount', place.practiceCount)}`;

const MEASURES: { value: MapMeasure; label: 'nav.practices' | 'showcase.replications' }[] = [
  { value: 'practiceCount', label: 'nav.practices' },
  { value: 'replicationCount', label: 'showcase.replications' },
];

/**
 * The 34 units as a tile map, shaded by their published practices (or their adoptions): each
 * tile a link to the place's page, named by the place and its count, reached by Tab in the table's order.
 */
export function ProvinceMap(props: { places: readonly PlaceCount[] }) {
  // Published practices by default; adoptions show where practices spread ("pilot, then replicate").
  const [measure, setMeasure] = createSignal<MapMeasure>('practiceCount');
  // The shades split the counts by quartile (schema/showcase/province-tiles.ts, as the page without JavaScript draws them).
  const map = createMemo(() => tileMap(props.places, measure()));
  const replications = () => measure() === 'replicationCount';
  return (
    <ProvinceTileMap
      id="province-map"
      tiles={map().tiles.map((tile) => ({ code: tile.code, name: tile.name, shade: tile.level, figure: String(tile.count), description: countLabel(tile, measure()), href: placeHref(tile.code) }))}
      caption={replications() ? t('showcase.replicationCaption') : t('showcase.mapCaption')}
      legendLabel={replications() ? t('showcase.replicationLegend') : t('showcase.legend')}
      legend={map().legend.map((step) => ({ shade: step.level, label: step.from === step.to ? String(step.from) : `${step.from}–${step.to}` }))}
      controls={
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
      }
    />
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
