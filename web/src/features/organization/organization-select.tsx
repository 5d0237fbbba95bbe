import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, For, Show, Suspense, type Accessor } from 'solid-js';
import { SelectField } from '../../components/form-field.tsx';
import { t, vietnameseCollator } from '../../i18n/i18n.ts';
import { createChoices } from '../../lib/choices.ts';
import { fold } from '../../lib/fold.ts';
import { getPlaces, type Place } from '../place/place.api.ts';
import { getLocalOrganizations, getNationalOrganizations, getOrganization, getOtherOrganizations, type OrganizationKind, type OrganizationOption } from './organization.api.ts';

/**
 * Where a person works: the chosen place's departments and centres first, then ministries and
 * national agencies, then enterprises and universities. A filter box narrows the list, which
 * is long (about 200 bodies); the chosen one always stays in it.
 */
export function OrganizationSelect(props: {
  id: string;
  name: string;
  /** A place code: its departments and centres come first. */
  place: string;
  value: string;
  onChange: (slug: string) => void;
  error?: string | undefined;
  /** Marks the label "(optional)"; true unless said. */
  optional?: boolean;
}) {
  const [filter, setFilter] = createSignal('');
  const lists: OrganizationLists = {
    national: createChoices(getNationalOrganizations),
    other: createChoices(getOtherOrganizations),
    local: createChoices(() => (props.place ? getLocalOrganizations(props.place) : Promise.resolve([]))),
    places: createChoices(getPlaces),
  };
  const failed = () => lists.national.failed() || lists.other.failed() || lists.local.failed();
  return (
    <SelectField
      id={props.id}
      name={props.name}
      label={t('choice.organization')}
      hint={failed() ? t('outage.choicesFailed') : props.place ? undefined : t('choice.organizationHint')}
      optional={props.optional ?? true}
      error={props.error}
      onChange={(slug) => props.onChange(slug)}
      before={
        <input
          type="search"
          class="select-filter"
          placeholder={t('form.filterOptions')}
          aria-label={`${t('form.filterOptions')}: ${t('choice.organization')}`}
          aria-controls={props.id}
          autocomplete="off"
          value={filter()}
          onInput={(event) => setFilter(event.currentTarget.value)}
        />
      }
    >
      <option value="" selected={!props.value}>
        {t('choice.noOrganization')}
      </option>
      <Suspense>
        <OrganizationOptions lists={lists} place={props.place} value={props.value} filter={filter()} />
      </Suspense>
    </SelectField>
  );
}

const groups: { kinds: OrganizationKind[]; label: () => string }[] = [
  { kinds: ['MINISTRY'], label: () => t('directory.ministries') },
  { kinds: ['MINISTRY_AGENCY'], label: () => t('directory.ministryAgencies') },
  { kinds: ['AGENCY'], label: () => t('directory.agencies') },
  { kinds: ['ENTERPRISE', 'UNIVERSITY'], label: () => t('choice.otherOrganizations') },
];

function labelOf(org: OrganizationOption) {
  // A unit whose name does not say its ministry gets it added, as in the directory's filter.
  if (!org.parent || org.name.includes(org.parent.name)) return org.name;
  return `${org.name} (${org.parent.shortName || org.parent.name})`;
}

type Choices<T> = { items: Accessor<readonly T[] | undefined>; failed: Accessor<boolean> };
interface OrganizationLists {
  national: Choices<OrganizationOption>;
  other: Choices<OrganizationOption>;
  local: Choices<OrganizationOption>;
  places: Choices<Place>;
}

function OrganizationOptions(props: { lists: OrganizationLists; place: string; value: string; filter: string }) {
  const national = () => props.lists.national.items();
  const other = () => props.lists.other.items();
  const local = () => props.lists.local.items();
  const places = () => props.lists.places.items();
  const placeName = () => places()?.find((p) => p.code === props.place)?.name ?? '';

  const everyone = createMemo(() => [...(national() ?? []), ...(other() ?? []), ...(local() ?? [])]);
  const listed = createMemo(() => new Set(everyone().map((o) => o.slug)));
  // A body of another place, or one merged away, is still the person's: fetch its name to show it.
  // Without the name it is shown by its slug, still chosen; nothing is lost, so nothing more is said.
  const chosenElsewhere = createAsync(async () => (props.value && !listed().has(props.value) ? getOrganization(props.value).catch(() => null) : null));

  const words = () => fold(props.filter).split(/\s+/).filter(Boolean);
  const shown = (org: OrganizationOption) => {
    if (org.slug === props.value) return true;
    const text = fold(`${labelOf(org)} ${org.shortName ?? ''}`);
    return words().every((word) => text.includes(word));
  };
  const byName = (a: OrganizationOption, b: OrganizationOption) => vietnameseCollator.compare(a.name, b.name);
  const localShown = createMemo(() => [...(local() ?? [])].filter(shown).sort(byName));

  return (
    <>
      <Show when={props.value && !listed().has(props.value) ? props.value : undefined}>
        {(slug) => {
          const found = () => chosenElsewhere();
          const label = () => {
            const org = found();
            if (!org) return slug();
            return org.current ? org.name : t('choice.formerOrganization', org.name);
          };
          return (
            <option value={slug()} selected>
              {label()}
            </option>
          );
        }}
      </Show>
      <Show when={props.place && localShown().length}>
        <optgroup label={t('directory.localOrganizations', placeName())}>
          <For each={localShown()}>
            {(org) => (
              <option value={org.slug} selected={org.slug === props.value}>
                {org.name}
              </option>
            )}
          </For>
        </optgroup>
      </Show>
      <For each={groups}>
        {(group) => {
          const members = createMemo(() => [...(national() ?? []), ...(other() ?? [])].filter((o) => group.kinds.includes(o.kind) && shown(o)).sort(byName));
          return (
            <Show when={members().length}>
              <optgroup label={group.label()}>
                <For each={members()}>
                  {(org) => (
                    <option value={org.slug} selected={org.slug === props.value}>
                      {labelOf(org)}
                    </option>
                  )}
                </For>
              </optgroup>
            </Show>
          );
        }}
      </For>
    </>
  );
}
