import './practice-list.css';
import { createSignal, For, Index, Show } from 'solid-js';
import { FilterPanel } from '../../components/filter-panel.tsx';
import { localName, t } from '../../i18n/i18n.ts';
import { rt } from './practice-reuse-text.ts';
import { SearchField, SelectField } from '../expert/directory-filters.tsx';
import type { PracticeFacets } from './practice-list.api.ts';
import {
  facetValues,
  hasPracticeFilters,
  LEVELS,
  latestYear,
  PRACTICE_FACET_KEYS,
  PRACTICE_LIMITS,
  SORTS,
  STAGES,
  type PracticeFacetKey,
  type PracticeFilterKey,
  type PracticeListParams,
  type PracticeSortName,
} from './practice-params.ts';

export type PracticeFilterPatch = Partial<Record<PracticeFilterKey | 'sort', string | undefined>>;

export interface PracticeFiltersProps {
  params: PracticeListParams;
  /** Each facet's values with their counts, for the current filter (undefined until the first page arrives). */
  facets: PracticeFacets | undefined;
  /** Applies a change of filters; `replace` refines the current history entry instead of adding one. */
  onChange: (patch: PracticeFilterPatch, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

/** The years a practice may name, newest first. */
const years = () => Array.from({ length: latestYear() - PRACTICE_LIMITS.yearMin + 1 }, (_, i) => latestYear() - i);

interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/**
 * The good practices' filters: facets of checkboxes with how many practices each value would
 * show (ticking two values of one facet shows either), the order, and the text. Like the
 * directory's, they only read and write the URL.
 */
export function PracticeFilters(props: PracticeFiltersProps) {
  const activeChoices = () => PRACTICE_FACET_KEYS.reduce((n, key) => n + facetValues(props.params[key]).length, props.params.featured ? 1 : 0);
  const toggle = (key: PracticeFacetKey, values: string[]) => props.onChange({ [key]: values.length ? values.join(',') : undefined });
  const options = {
    topic: (): FacetOption[] => (props.facets?.topics ?? []).map((f) => ({ value: f.topic.slug, label: localName(f.topic), count: f.count })),
    place: (): FacetOption[] => (props.facets?.places ?? []).map((f) => ({ value: f.place.code, label: f.place.name, count: f.count })),
    org: (): FacetOption[] => (props.facets?.organizations ?? []).map((f) => ({ value: f.organization.slug, label: f.organization.shortName || f.organization.name, count: f.count })),
    // Every level and stage is offered, the ones no practice holds at 0.
    level: (): FacetOption[] => LEVELS.map((level) => ({ value: level.toLowerCase(), label: rt(`level.${level}`), count: props.facets?.levels.find((f) => f.level === level)?.count ?? 0 })),
    stage: (): FacetOption[] => STAGES.map((stage) => ({ value: stage.toLowerCase(), label: t(`practice.stage.${stage}`), count: props.facets?.stages.find((f) => f.stage === stage)?.count ?? 0 })),
    year: (): FacetOption[] => (props.facets?.years ?? []).map((f) => ({ value: String(f.year), label: String(f.year), count: f.count })),
  };
  const legends: Record<PracticeFacetKey, () => string> = {
    topic: () => t('practices.topic'),
    place: () => t('directory.place'),
    org: () => t('directory.organization'),
    level: () => rt('levelLabel'),
    stage: () => t('practices.stage'),
    year: () => t('practices.year'),
  };

  return (
    <FilterPanel
      role="search"
      search={
        <>
          <SearchField value={props.params.q} onChange={props.onChange} label={t('practices.search')} hint={t('practices.searchHint')} />
          <div class="field">
            <label for="practice-sort">{rt('sortLabel')}</label>
            <select id="practice-sort" class="select" onChange={(event) => props.onChange({ sort: event.currentTarget.value === 'newest' ? undefined : event.currentTarget.value })}>
              <For each={Object.keys(SORTS) as PracticeSortName[]}>
                {(sort) => (
                  <option value={sort} selected={(props.params.sort ?? 'newest') === sort}>
                    {rt(`sort.${sort}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
        </>
      }
      active={activeChoices()}
      filtered={hasPracticeFilters(props.params)}
      onClear={props.onClear}
    >
      <label class="checkbox filter-featured">
        <input type="checkbox" checked={props.params.featured === '1'} onChange={(event) => props.onChange({ featured: event.currentTarget.checked ? '1' : undefined })} />
        <span>{t('practices.featuredOnly')}</span>
      </label>

      <For each={PRACTICE_FACET_KEYS}>
        {(key) => <FacetGroup id={`facet-${key}`} legend={legends[key]()} options={options[key]()} selected={facetValues(props.params[key])} onChange={(values) => toggle(key, values)} />}
      </For>
    </FilterPanel>
  );
}

/** How many values a facet shows before "show all". */
const FACET_SHOWN = 6;

/**
 * One facet: a checkbox per value with its count. Ticked values stay in view; a long facet shows
 * its largest values first and the rest under "show all".
 */
function FacetGroup(props: { id: string; legend: string; options: FacetOption[]; selected: string[]; onChange: (values: string[]) => void }) {
  const [all, setAll] = createSignal(false);
  const shown = () => (all() ? props.options : props.options.filter((o, i) => i < FACET_SHOWN || props.selected.includes(o.value)));
  const set = (value: string, on: boolean) => props.onChange(on ? [...props.selected, value] : props.selected.filter((v) => v !== value));
  return (
    <Show when={props.options.length}>
      <fieldset id={props.id} class="checkbox-field facet">
        <legend>{props.legend}</legend>
        <ul class="facet-options">
          <For each={shown()}>
            {(option) => (
              <li>
                <label class="checkbox facet-option">
                  <input
                    type="checkbox"
                    value={option.value}
                    checked={props.selected.includes(option.value)}
                    disabled={option.count === 0 && !props.selected.includes(option.value)}
                    onChange={(event) => set(option.value, event.currentTarget.checked)}
                  />
                  <span class="facet-label" lang="vi">
                    {option.label}
                  </span>
                  <span class="facet-count" aria-hidden="true">
                    {option.count}
                  </span>
                  <span class="visually-hidden">({rt('facetCount', option.count)})</span>
                </label>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.options.length > shown().length || all()}>
          <button type="button" class="facet-more" aria-expanded={all()} onClick={() => setAll(!all())}>
            {all() ? rt('showFewer') : rt('showAll', props.options.length)}
          </button>
        </Show>
      </fieldset>
    </Show>
  );
}

/** The stage and year choices, shared with the search page's filters (ids `<idPrefix>-stage`, `-year`). */
export function StageYearFields(props: {
  idPrefix: string;
  params: { stage?: string | undefined; year?: string | undefined };
  onChange: (patch: { stage?: string | undefined; year?: string | undefined }) => void;
}) {
  return (
    <>
      <SelectField id={`${props.idPrefix}-stage`} label={t('practices.stage')} allLabel={t('practices.allStages')} selected={props.params.stage} onChange={(stage) => props.onChange({ stage })}>
        <For each={STAGES}>
          {(stage) => (
            <option value={stage.toLowerCase()} selected={stage.toLowerCase() === props.params.stage}>
              {t(`practice.stage.${stage}`)}
            </option>
          )}
        </For>
      </SelectField>

      <SelectField id={`${props.idPrefix}-year`} label={t('practices.year')} allLabel={t('practices.allYears')} selected={props.params.year} onChange={(year) => props.onChange({ year })}>
        <Index each={years()}>
          {(year) => (
            <option value={String(year())} selected={String(year()) === props.params.year}>
              {year()}
            </option>
          )}
        </Index>
      </SelectField>
    </>
  );
}
