import { createAsync } from '@solidjs/router';
import { createMemo, For, Suspense } from 'solid-js';
import { SelectField } from '../../components/form-field.tsx';
import { t, vietnameseCollator } from '../../i18n/i18n.ts';
import { getPlaces } from './place.api.ts';

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
  return (
    <SelectField id={props.id} name={props.name} label={t('choice.place')} optional={props.optional ?? true} error={props.error} onChange={(code) => props.onChange(code)}>
      <option value="" selected={!props.value}>{t('choice.noPlace')}</option>
      <Suspense>
        <PlaceOptions value={props.value} />
      </Suspense>
    </SelectField>
  );
}

function PlaceOptions(props: { value: string }) {
  const places = createAsync(() => getPlaces().catch(() => []));
  const current = createMemo(() => (places() ?? []).filter((p) => p.current).sort((a, b) => vietnameseCollator.compare(a.name, b.name)));
  return <For each={current()}>{(place) => <option value={place.code} selected={place.code === props.value}>{place.name}</option>}</For>;
}
