import { createAsync } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, Suspense, type JSX } from 'solid-js';
import { FilterPanel } from '../../components/filter-panel.tsx';
import { compareLabels, localName, t, vietnameseCollator } from '../../i18n/i18n.ts';
import { getCohorts } from '../cohort/cohort.api.ts';
import { getLocalOrganizations, getNationalOrganizations, getOrganization, type OrganizationKind, type OrganizationOption } from '../organization/organization.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { hasFilters, type DirectoryCounts, type DirectoryParams } from './expert.api.ts';
import { te } from './expert-text.ts';
import { SEARCH_LIMITS } from '../../../../schema/field-limits.ts';

/**
 * A list of choices that failed to load leaves its select at "all": the results area reports
 * the failure and its retry reloads these too.
 */
export const noOptions = () => [];

/** How long typing may pause before the search runs. */
const SEARCH_DELAY_MS = 300;

type FilterKey = 'place' | 'org' | 'specialty' | 'cohort' | 'verified' | 'q' | 'sort';
export type FilterPatch = Partial<Record<FilterKey, string | undefined>>;

export interface DirectoryFiltersProps {
  params: DirectoryParams;
  /** Applies a change of filters; `replace` refines the current history entry instead of adding one. */
  onChange: (patch: FilterPatch, options?: { replace?: boolean }) => void;
  onClear: () => void;
  /** How many people each choice would show; undefined until loaded (or when they failed: the choices stay usable). */
  counts?: DirectoryCounts | undefined;
}

/** A choice's label with how many people it would show, once the counts are in. */
export type ChoiceCounts = ((choice: string) => number | undefined) | undefined;
const withCount = (label: string, counts: ChoiceCounts, choice: string) => {
  const count = counts?.(choice);
  return count === undefined ? label : te('withCount', label, count);
};

/** The directory's filters. They only read and write the URL, so a view can be shared. */
export function DirectoryFilters(props: DirectoryFiltersProps) {
  const activeChoices = () => (['place', 'org', 'specialty', 'cohort', 'verified'] as const).filter((key) => props.params[key]).length;
  // Once the counts are in, a choice nobody holds under the other filters shows 0.
  const counts: () => ChoiceCounts = () => {
    const loaded = props.counts;
    return loaded ? (choice: string) => loaded.byChoice.get(choice) ?? 0 : undefined;
  };

  return (
    <FilterPanel
      role="search"
      search={<SearchField value={props.params.q} onChange={props.onChange} label={te('search')} hint={te('searchHint')} />}
      active={activeChoices()}
      filtered={hasFilters(props.params)}
      onClear={props.onClear}
    >
      <PlaceAndOrganizationFields params={props.params} onChange={props.onChange} counts={counts()} />

      <SelectField
        id="filter-specialty"
        label={t('directory.specialty')}
        allLabel={t('directory.allSpecialties')}
        selected={props.params.specialty}
        onChange={(specialty) => props.onChange({ specialty })}
      >
        <TopicOptions selected={props.params.specialty} counts={counts()} countKey="specialty" />
      </SelectField>

      <SelectField id="filter-cohort" label={t('directory.cohort')} allLabel={t('directory.allCohorts')} selected={props.params.cohort} onChange={(cohort) => props.onChange({ cohort })}>
        <CohortOptions selected={props.params.cohort} counts={counts()} />
      </SelectField>

      <div class="field field-checkbox">
        <label>
          <input type="checkbox" id="filter-verified" checked={props.params.verified === '1'} onChange={(event) => props.onChange({ verified: event.currentTarget.checked ? '1' : undefined })} />{' '}
          {props.counts ? te('withCount', te('verifiedOnly'), props.counts.verified) : te('verifiedOnly')}
        </label>
      </div>
    </FilterPanel>
  );
}

/**
 * The place and organisation choices (ids `filter-place`, `filter-org`), shared with the good
 * practices' filters: the organisations offered are the national ones and the chosen place's.
 */
export function PlaceAndOrganizationFields(props: {
  params: { place?: string | undefined; org?: string | undefined };
  onChange: (patch: { place?: string | undefined; org?: string | undefined }) => void;
  counts?: ChoiceCounts;
}) {
  // Read only inside the options' own Suspense (and in handlers), so the form never waits.
  const national = createAsync(() => getNationalOrganizations().catch(noOptions));

  const changePlace = (place: string | undefined) => {
    // A department of the old place would leave an empty list: keep only national choices.
    const org = props.params.org;
    const keep = org !== undefined && (national() ?? []).some((o) => o.slug === org);
    props.onChange({ place, org: keep ? org : undefined });
  };

  return (
    <>
      <SelectField id="filter-place" label={t('directory.place')} allLabel={t('directory.allPlaces')} selected={props.params.place} onChange={changePlace}>
        <PlaceOptions selected={props.params.place} counts={props.counts} />
      </SelectField>

      <SelectField id="filter-org" label={t('directory.organization')} allLabel={t('directory.allOrganizations')} selected={props.params.org} onChange={(org) => props.onChange({ org })}>
        <OrganizationOptions selected={props.params.org} place={props.params.place} national={national() ?? []} counts={props.counts} />
      </SelectField>
    </>
  );
}

/**
 * The filters' search box: it changes the URL's `q` once typing pauses (or on Enter). Shared
 * with the good practices list, which gives its own label and hint.
 */
export function SearchField(props: { value: string | undefined; onChange: (patch: { q?: string | undefined }, options?: { replace?: boolean }) => void; label?: string; hint?: string }) {
  const [text, setText] = createSignal(props.value ?? '');
  let timer: ReturnType<typeof setTimeout> | undefined;

  const commit = (value: string) => {
    clearTimeout(timer);
    timer = undefined;
    const next = value.trim();
    const current = props.value ?? '';
    if (next === current) return;
    // Refining a search replaces the entry, so Back returns to the view before searching.
    props.onChange({ q: next || undefined }, { replace: current !== '' && next !== '' });
  };

  // The URL changed under us (Back, a cleared filter): show its search, unless the person is
  // still typing, whose words win.
  createEffect(
    on(
      () => props.value ?? '',
      (value) => {
        if (timer === undefined && value !== text().trim()) setText(value);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));

  return (
    <div class="field field-search">
      <label for="filter-q">{props.label ?? t('directory.search')}</label>
      <input
        id="filter-q"
        type="search"
        autocomplete="off"
        spellcheck={false}
        maxLength={SEARCH_LIMITS.text}
        aria-describedby="filter-q-hint"
        value={text()}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setText(value);
          clearTimeout(timer);
          timer = setTimeout(() => commit(value), SEARCH_DELAY_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
      <p id="filter-q-hint" class="field-hint">
        {props.hint ?? t('directory.searchHint')}
      </p>
    </div>
  );
}

export function SelectField(props: { id: string; label: string; allLabel: string; selected: string | undefined; onChange: (value: string | undefined) => void; children: JSX.Element }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} class="select" onChange={(event) => props.onChange(event.currentTarget.value || undefined)}>
        <option value="" selected={!props.selected}>
          {props.allLabel}
        </option>
        {/* Options arrive with their data; until then the select offers "all" alone. */}
        <Suspense>{props.children}</Suspense>
      </select>
    </div>
  );
}

export function PlaceOptions(props: { selected: string | undefined; counts?: ChoiceCounts }) {
  const places = createAsync(() => getPlaces().catch(noOptions));
  const current = createMemo(() => (places() ?? []).filter((p) => p.current).sort((a, b) => vietnameseCollator.compare(a.name, b.name)));
  // A shared link may name a province merged away in 2025: keep it selectable and say so.
  const other = createMemo(() => {
    const code = props.selected;
    if (!code || current().some((p) => p.code === code)) return undefined;
    const former = places()?.find((p) => p.code === code);
    return { code, label: former ? t('directory.formerPlace', former.name) : code };
  });
  return (
    <>
      <Show when={other()}>
        {(o) => (
          <option value={o().code} selected>
            {o().label}
          </option>
        )}
      </Show>
      <For each={current()}>
        {(place) => (
          <option value={place.code} selected={place.code === props.selected}>
            {withCount(place.name, props.counts, `place:${place.code}`)}
          </option>
        )}
      </For>
    </>
  );
}

const nationalGroups: { kind: OrganizationKind; label: () => string }[] = [
  { kind: 'MINISTRY', label: () => t('directory.ministries') },
  { kind: 'MINISTRY_AGENCY', label: () => t('directory.ministryAgencies') },
  { kind: 'AGENCY', label: () => t('directory.agencies') },
];

function organizationLabel(org: OrganizationOption) {
  // "Cục Chuyển đổi số quốc gia (Bộ KH&CN)": a unit whose name does not say its ministry gets it added.
  if (!org.parent || org.name.includes(org.parent.name)) return org.name;
  return `${org.name} (${org.parent.shortName || org.parent.name})`;
}

export function OrganizationOptions(props: { selected: string | undefined; place: string | undefined; national: OrganizationOption[]; counts?: ChoiceCounts }) {
  const local = createAsync(async () => (props.place ? getLocalOrganizations(props.place).catch(noOptions) : []));
  const places = createAsync(() => getPlaces().catch(noOptions));
  const placeName = () => places()?.find((p) => p.code === props.place)?.name ?? props.place ?? '';
  const listed = createMemo(() => new Set([...props.national, ...(local() ?? [])].map((o) => o.slug)));
  // Chosen through a profile link or a place since changed: fetch its name to show it.
  const selectedElsewhere = createAsync(async () =>
    // Without its name the chosen body is shown by its slug, still applied: the results say if the API failed.
    props.selected && !listed().has(props.selected) ? getOrganization(props.selected).catch(() => null) : null,
  );
  const byName = (a: OrganizationOption, b: OrganizationOption) => vietnameseCollator.compare(a.name, b.name);

  return (
    <>
      <Show when={props.selected && !listed().has(props.selected) ? props.selected : undefined}>
        {(slug) => (
          <optgroup label={t('directory.selectedOrganization')}>
            <option value={slug()} selected>
              {selectedElsewhere()?.name ?? slug()}
            </option>
          </optgroup>
        )}
      </Show>
      <Show when={props.place && (local() ?? []).length}>
        <optgroup label={t('directory.localOrganizations', placeName())}>
          <For each={[...(local() ?? [])].sort(byName)}>
            {(org) => (
              <option value={org.slug} selected={org.slug === props.selected}>
                {withCount(org.name, props.counts, `org:${org.slug}`)}
              </option>
            )}
          </For>
        </optgroup>
      </Show>
      <For each={nationalGroups}>
        {(group) => (
          <Show when={props.national.some((o) => o.kind === group.kind)}>
            <optgroup label={group.label()}>
              <For each={props.national.filter((o) => o.kind === group.kind).sort(byName)}>
                {(org) => (
                  <option value={org.slug} selected={org.slug === props.selected}>
                    {withCount(organizationLabel(org), props.counts, `org:${org.slug}`)}
                  </option>
                )}
              </For>
            </optgroup>
          </Show>
        )}
      </For>
    </>
  );
}

export function TopicOptions(props: { selected: string | undefined; counts?: ChoiceCounts; countKey?: string }) {
  const topics = createAsync(() => getTopics().catch(noOptions));
  const sorted = createMemo(() => [...(topics() ?? [])].sort((a, b) => compareLabels(localName(a), localName(b))));
  return (
    <For each={sorted()}>
      {(topic) => (
        <option value={topic.slug} selected={topic.slug === props.selected}>
          {withCount(localName(topic), props.counts, `${props.countKey ?? 'topic'}:${topic.slug}`)}
        </option>
      )}
    </For>
  );
}

function CohortOptions(props: { selected: string | undefined; counts?: ChoiceCounts }) {
  const cohorts = createAsync(() => getCohorts().catch(noOptions));
  return (
    <For each={cohorts()}>
      {(cohort) => (
        <option value={cohort.slug} selected={cohort.slug === props.selected}>
          {withCount(t('expert.cohortBadge', localName(cohort), cohort.year), props.counts, `cohort:${cohort.slug}`)}
        </option>
      )}
    </For>
  );
}
