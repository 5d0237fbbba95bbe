import { createMemo, For, type JSX, onCleanup, Show } from 'solid-js';
import { PROVINCE_TILES, TILE, TILE_SHADES } from '../../../../schema/showcase/province-tiles.ts';
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
    <form class="programme-period" method="get">
      <label for="programme-period">{pt('period')}</label>{' '}
      <select id="programme-period" name="period" onChange={(event) => event.currentTarget.form?.requestSubmit()}>
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
  placeCode: string | null;
  value: string;
  number: number | null;
  meetsTarget: boolean;
}

/**
 * The 34 units as the showcase's tile map (schema/showcase/province-tiles.ts: the same places and
 * shades), shaded by a criterion's value: the shade steps split the range of the values given,
 * yes/no uses the lightest and the darkest; a unit meeting the target has a bold border.
 */
export function CriterionMap(props: { places: readonly { code: string; name: string }[]; values: readonly MapValue[]; unit: Unit }) {
  const map = createMemo(() => {
    const byPlace = new Map(props.values.filter((v) => v.placeCode).map((v) => [v.placeCode!, v]));
    const numbers = props.values.map((v) => v.number).filter((n): n is number => n !== null);
    const low = Math.min(...numbers);
    const high = Math.max(...numbers);
    const steps = TILE_SHADES.length - 1;
    const level = (n: number | null) => (n === null ? 0 : high === low ? steps : 1 + Math.min(steps - 1, Math.floor(((n - low) / (high - low)) * steps)));
    const positions = Object.values(PROVINCE_TILES);
    return {
      width: (Math.max(...positions.map((p) => p.col)) + 1) * (TILE.width + TILE.gap) - TILE.gap,
      height: (Math.max(...positions.map((p) => p.row)) + 1) * (TILE.height + TILE.gap) - TILE.gap,
      tiles: props.places.flatMap((place) => {
        const position = PROVINCE_TILES[place.code];
        if (!position) return [];
        const value = byPlace.get(place.code) ?? null;
        return [
          {
            ...place,
            label: position.label ?? place.name,
            x: position.col * (TILE.width + TILE.gap),
            y: position.row * (TILE.height + TILE.gap),
            value,
            shade: TILE_SHADES[value ? level(value.number) : 0]!,
          },
        ];
      }),
    };
  });
  return (
    <figure class="province-map programme-map">
      <svg viewBox={`0 0 ${map().width} ${map().height}`} role="img" aria-labelledby="programme-map-caption">
        <title>{pt('mapTitle')}</title>
        <For each={map().tiles}>
          {(tile) => (
            <g data-place={tile.code}>
              <title>{`${tile.name}: ${tile.value ? `${formatValue(props.unit, tile.value.value)} (${tile.value.meetsTarget ? pt('meets') : pt('misses')})` : pt('notReported')}`}</title>
              <rect
                x={tile.x}
                y={tile.y}
                width={TILE.width}
                height={TILE.height}
                rx="6"
                fill={tile.shade.fill}
                stroke={tile.value?.meetsTarget ? '#0b6b3a' : 'none'}
                stroke-width={tile.value?.meetsTarget ? 4 : 2}
              />
              <text x={tile.x + TILE.width / 2} y={tile.y + 19} text-anchor="middle" class="province-map-name" fill={tile.shade.text}>
                {tile.label}
              </text>
              <text x={tile.x + TILE.width / 2} y={tile.y + 37} text-anchor="middle" class="province-map-count" fill={tile.shade.text}>
                {tile.value ? formatValue(props.unit, tile.value.value) : '—'}
              </text>
            </g>
          )}
        </For>
      </svg>
      <figcaption id="programme-map-caption">
        {pt('mapTitle')}. {pt('mapCaption')}
      </figcaption>
    </figure>
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
