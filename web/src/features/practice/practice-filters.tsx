import { For, Index } from 'solid-js';
import { FilterPanel } from '../../components/filter-panel.tsx';
import { t } from '../../i18n/i18n.ts';
import { PlaceAndOrganizationFields, SearchField, SelectField, TopicOptions } from '../expert/directory-filters.tsx';
import { hasPracticeFilters, latestYear, PRACTICE_LIMITS, STAGES, type PracticeFilterKey, type PracticeListParams } from './practice-params.ts';

export type PracticeFilterPatch = Partial<Record<PracticeFilterKey, string | undefined>>;

export interface PracticeFiltersProps {
  params: PracticeListParams;
  /** Applies a change of filters; `replace` refines the current history entry instead of adding one. */
  onChange: (patch: PracticeFilterPatch, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

/** The years a practice may name, newest first. */
const years = () => Array.from({ length: latestYear() - PRACTICE_LIMITS.yearMin + 1 }, (_, i) => latestYear() - i);

/** The good practices' filters. Like the directory's, they only read and write the URL. */
export function PracticeFilters(props: PracticeFiltersProps) {
  const activeChoices = () => (['topic', 'place', 'org', 'stage', 'year', 'featured'] as const).filter((key) => props.params[key]).length;

  return (
    <FilterPanel
      role="search"
      search={<SearchField value={props.params.q} onChange={props.onChange} label={t('practices.search')} hint={t('practices.searchHint')} />}
      active={activeChoices()}
      filtered={hasPracticeFilters(props.params)}
      onClear={props.onClear}
    >
      <label class="checkbox filter-featured">
        <input type="checkbox" checked={props.params.featured === '1'} onChange={(event) => props.onChange({ featured: event.currentTarget.checked ? '1' : undefined })} />
        <span>{t('practices.featuredOnly')}</span>
      </label>

      <SelectField id="filter-topic" label={t('practices.topic')} allLabel={t('practices.allTopics')} selected={props.params.topic} onChange={(topic) => props.onChange({ topic })}>
        <TopicOptions selected={props.params.topic} />
      </SelectField>

      <PlaceAndOrganizationFields params={props.params} onChange={props.onChange} />

      <StageYearFields idPrefix="filter" params={props.params} onChange={props.onChange} />
    </FilterPanel>
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
