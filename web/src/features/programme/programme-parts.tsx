import { createMemo, For, type JSX, onCleanup, Show } from 'solid-js';
import { TILE_SHADES } from '../../../../schema/showcase/province-tiles.ts';
import { type LegendStep, type ProvinceTile, ProvinceTileMap } from '../../components/province-tile-map.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { locale } from '../../i18n/i18n.ts';
import { canAdminister } from '../account/account.api.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { pt } from './programme-text.ts';

export type Unit = 'PERCENT' | 'COUNT' | 'YES_NO' | 'DATE';

/** A value as the reader's language writes it ("yes" → Có, 85.5 → 85,5%). */
export function formatValue(unit: Unit, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (unit) {
    case 'PERCENT':
      return `${Number(value).toLocaleString(locale() === 'en' ? 'en-GB' : 'vi-VN')}%`;
    case 'COUNT':
      return Number(value).toLocaleString(locale() === 'en' ? 'en-GB' : 'vi-VN');
    case 'YES_NO':
      return value === 'yes' ? pt('yes') : pt('no');
    case 'DATE':
      return new Date(`${value}T00:00:00Z`).toLocaleDateString(locale() === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'UTC' });
  }
}

/**
 * A link that downloads `csv` (the API's text, which starts with a byte-order mark so Excel reads
 * Vietnamese) as a file: an object URL made when the text changes and let go when it does again.
 */
export function CsvLink(props: { csv: string; filename: string }) {
  const href = createMemo((previous: string | undefined) => {
    if (previous) URL.revokeObjectURL(previous);
    return URL.createObjectURL(new Blob([props.csv], { type: 'text/csv;charset=utf-8' }));
  });
  onCleanup(() => URL.revokeObjectURL(href()));
  return (
    <a class="button button-secondary programme-csv" href={href()} download={props.filename}>
      {pt('downloadCsv')}
    </a>
  );
}

/** The period choice: a plain GET form, so each period has its own address. */
export function PeriodPicker(props: { periods: readonly string[]; current: string; extra?: Record<string, string> }) {
  return (
    <form class="programme-period field" method="get">
      <label for="programme-period">{pt('period')}</label>
      <select id="programme-period" class="select" name="period" onChange={(event) => event.currentTarget.form?.requestSubmit()}>
        <For each={props.periods}>
          {(period) => (
            <option value={period} selected={period === props.current}>
              {pt('periodName', period)}
            </option>
          )}
        </For>
      </select>
      <For each={Object.entries(props.extra ?? {})}>{([name, value]) => <input type="hidden" name={name} value={value} />}</For>
    </form>
  );
}

export interface MapValue {
  organization: { slug: string };
  placeCode: string | null;
  value: string;
  number: number | null;
  meetsTarget: boolean;
}

/**
 * The 34 units on the shared tile map, shaded by a criterion's value: the shades past "none" split
 * the range of the values given (yes/no takes the lightest and the darkest); a unit meeting the
 * target has a bold border, and its tile leads to its organisation's progress.
 */
export function CriterionMap(props: { places: readonly { code: string; name: string }[]; values: readonly MapValue[]; unit: Unit }) {
  const map = createMemo(() => {
    const byPlace = new Map(props.values.filter((v) => v.placeCode).map((v) => [v.placeCode!, v]));
    const numbers = props.values.map((v) => v.number).filter((n): n is number => n !== null);
    const low = Math.min(...numbers);
    const high = Math.max(...numbers);
    const steps = TILE_SHADES.length - 1;
    const shadeOf = (n: number | null) => (n === null ? 0 : high === low ? steps : 1 + Math.min(steps - 1, Math.floor(((n - low) / (high - low)) * steps)));
    const tiles: ProvinceTile[] = props.places.map((place) => {
      const value = byPlace.get(place.code);
      if (!value) return { code: place.code, name: place.name, shade: 0, figure: '—', description: `${place.name}: ${pt('notReported')}` };
      const shown = formatValue(props.unit, value.value);
      return {
        code: place.code,
        name: place.name,
        shade: shadeOf(value.number),
        figure: shown,
        description: `${place.name}: ${shown} (${value.meetsTarget ? pt('meets') : pt('misses')})`,
        href: `/programme/organizations/${value.organization.slug}`,
        marked: value.meetsTarget,
      };
    });
    // The legend reads each shade in use as the lowest and highest value drawn with it.
    const legend: LegendStep[] = [{ shade: 0, label: pt('notReported') }];
    for (let shade = 1; shade <= steps; shade++) {
      const drawn = props.values.filter((v) => v.placeCode && byPlace.get(v.placeCode) === v && shadeOf(v.number) === shade).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
      if (!drawn.length) continue;
      const [from, to] = [formatValue(props.unit, drawn[0]!.value), formatValue(props.unit, drawn.at(-1)!.value)];
      legend.push({ shade, label: from === to ? from : `${from} – ${to}` });
    }
    legend.push({ shade: 0, marked: true, label: pt('meetsTarget') });
    return { tiles, legend };
  });
  return (
    <ProvinceTileMap
      id="programme-map"
      class="programme-map"
      tiles={map().tiles}
      legend={map().legend}
      legendLabel={pt('mapLegend')}
      caption={
        <>
          {pt('mapTitle')}. {pt('mapCaption')}
        </>
      }
    />
  );
}

/** "Đã đạt"-style status words. */
export const statusText = (status: string) => pt(`statuses.${status}` as 'statuses.ACHIEVED');

export function TargetText(props: { unit: Unit; target: string }) {
  return (
    <Show when={props.unit === 'YES_NO'} fallback={formatValue(props.unit, props.target)}>
      {pt('yes')}
    </Show>
  );
}

/**
 * The programme's figures are for signed-in members (the API refuses visitors): a visitor is told
 * what the pages hold and how to join; with `admins`, a member who is not an admin is told so.
 */
export function ForMembers(props: { admins?: boolean; children: JSX.Element }) {
  return (
    <RequireViewer forVisitors={{ title: pt('title'), body: pt('forVisitors') }}>
      {(viewer) => (
        <Show when={!props.admins || canAdminister(viewer().role)} fallback={<StateMessage title={pt('adminTitle')} body={pt('adminOnly')} headingLevel={1} />}>
          {props.children}
        </Show>
      )}
    </RequireViewer>
  );
}
