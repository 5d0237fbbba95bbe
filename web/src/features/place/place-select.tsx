import { createMemo, For, Show, Suspense, type Accessor } from 'solid-js';
import { SelectField } from '../../components/form-field.tsx';
import { t, vietnameseCollator } from '../../i18n/i18n.ts';
import { createChoices } from '../../lib/choices.ts';
import { getPlaces, type Place } from './place.api.ts';

/** The 34 current provinces and cities, by name; a profile can only name a current one. */
export function PlaceSelect(props: {
  id: string;
  name: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  /** Marks the label "(optional)"; true unless said. */
  optional?: boolean;
}) {
  const places = createChoices(getPlaces);
  return (
    <SelectField
      id={props.id}
      name={props.name}
      label={t('choice.place')}
      hint={places.failed() ? t('outage.choicesFailed') : undefined}
      optional={props.optional ?? true}
      error={props.error}
      onChange={(code) => props.onChange(code)}
    >
      <option value="" selected={!props.value}>
        {t('choice.noPlace')}
      </option>
      <Suspense>
        <PlaceOptions places={places.items} value={props.value} />
      </Suspense>
      {/* Without the list, the current place stays chosen (by its code) rather than being cleared on save. */}
      <Show when={places.failed() && props.value}>
        <option value={props.value} selected>
          {props.value}
        </option>
      </Show>
    </SelectField>
  );
}

function PlaceOptions(props: { places: Accessor<readonly Place[] | undefined>; value: string }) {
  const current = createMemo(() => (props.places() ?? []).filter((p) => p.current).sort((a, b) => vietnameseCollator.compare(a.name, b.name)));
  return (
    <For each={current()}>
      {(place) => (
        <option value={place.code} selected={place.code === props.value}>
          {place.name}
        </option>
      )}
    </For>
  );
}
