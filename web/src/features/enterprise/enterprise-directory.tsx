import './enterprises.css';
import { A, createAsync, type SearchParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FilterPanel } from '../../components/filter-panel.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { locale } from '../../i18n/i18n.ts';
import { single, useListParams } from '../../lib/list-params.ts';
import { createMorePages, MoreButton } from '../../lib/more-pages.tsx';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { CAPABILITIES, type Capability, type DirectoryParams, type EnterpriseCardData, type EnterprisePage, enterpriseHref, filterOf, getEnterpriseFacets, getEnterprises } from './enterprise.api.ts';
import { et } from './enterprise-text.ts';

/** The directory's filters from the URL: `cap=CLOUD,CRYPTOGRAPHY&place=hue&alliance=1&q=…`; unknown capabilities are dropped. */
function parse(search: SearchParams): DirectoryParams {
  const capabilities = (single(search.cap) ?? '').split(',').filter((c): c is Capability => (CAPABILITIES as readonly string[]).includes(c));
  return { capabilities, place: single(search.place), alliance: single(search.alliance) === '1' || undefined, q: single(search.q) };
}

/** /enterprises: the Vietnamese enterprises accompanying the programme, filtered through the URL. Public. */
export default function EnterpriseDirectory() {
  const { params, change } = useListParams(parse);
  const filter = () => filterOf(params());
  const facets = createAsync(() => getEnterpriseFacets(filter()).catch(() => undefined));
  const count = (capability: Capability) => facets()?.enterpriseFacets.capabilities.find((c) => c.capability === capability)?.count;
  const toggle = (capability: Capability, on: boolean) => {
    const next = on ? [...params().capabilities, capability] : params().capabilities.filter((c) => c !== capability);
    change({ cap: next.length ? CAPABILITIES.filter((c) => next.includes(c)).join(',') : undefined });
  };
  const active = () => params().capabilities.length + (params().place ? 1 : 0) + (params().alliance ? 1 : 0);
  const clear = () => change({ cap: undefined, place: undefined, alliance: undefined, q: undefined });

  return (
    <div class="directory enterprises">
      <DocumentTitle text={et('title')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{et('title')}</h1>
        <p class="lead">{et('intro')}</p>
      </header>
      <div class="directory-layout">
        <FilterPanel
          idPrefix="enterprise-filters"
          role="search"
          active={active()}
          filtered={active() > 0 || Boolean(params().q)}
          onClear={clear}
          search={
            <div class="field field-search">
              <label for="enterprise-q">{et('search')}</label>
              <input
                id="enterprise-q"
                type="search"
                class="input"
                value={params().q ?? ''}
                aria-describedby="enterprise-q-hint"
                onChange={(event) => change({ q: event.currentTarget.value.trim() || undefined })}
              />
              <p id="enterprise-q-hint" class="field-hint">
                {et('searchHint')}
              </p>
            </div>
          }
        >
          <fieldset class="field enterprise-capability-filter">
            <legend>{et('capabilities')}</legend>
            <For each={CAPABILITIES}>
              {(capability) => (
                <div class="field-checkbox">
                  <label>
                    <input
                      type="checkbox"
                      name="capability"
                      value={capability}
                      checked={params().capabilities.includes(capability)}
                      onChange={(event) => toggle(capability, event.currentTarget.checked)}
                    />{' '}
                    {et(`capability.${capability}`)}
                    <Show when={count(capability) !== undefined}>
                      <span class="facet-count"> ({count(capability)})</span>
                    </Show>
                  </label>
                </div>
              )}
            </For>
          </fieldset>
          <div class="field">
            <label for="enterprise-place">{et('place')}</label>
            <select id="enterprise-place" class="select" onChange={(event) => change({ place: event.currentTarget.value || undefined })}>
              <option value="" selected={!params().place}>
                {et('anyPlace')}
              </option>
              <For each={facets()?.enterpriseFacets.places ?? []}>
                {(facet) => (
                  <option value={facet.place.code} selected={params().place === facet.place.code}>
                    {facet.place.name} ({facet.count})
                  </option>
                )}
              </For>
              {/* A place from a shared address that no enterprise accompanies still shows as chosen. */}
              <Show when={params().place && !facets()?.enterpriseFacets.places.some((f) => f.place.code === params().place)}>
                <option value={params().place} selected>
                  {facets()?.places.find((p) => p.code === params().place)?.name ?? params().place}
                </option>
              </Show>
            </select>
          </div>
          <div class="field field-checkbox">
            <label>
              <input type="checkbox" id="enterprise-alliance" checked={Boolean(params().alliance)} onChange={(event) => change({ alliance: event.currentTarget.checked ? '1' : undefined })} />{' '}
              {et('allianceOnly')}
              <Show when={facets()}>{(f) => <span class="facet-count"> ({f().enterpriseFacets.allianceMembers})</span>}</Show>
            </label>
          </div>
        </FilterPanel>
        <div class="directory-results">
          <Suspense fallback={<PageLoading />}>
            <SectionError>
              <EnterpriseList filter={filter()} />
            </SectionError>
          </Suspense>
        </div>
      </div>
    </div>
  );
}

function EnterpriseList(props: { filter: ReturnType<typeof filterOf> }) {
  const list = createMorePages((cursor) => getEnterprises(props.filter, cursor));
  return (
    <Show when={list.pages()}>
      {(pages) => (
        <>
          <p class="results-count" role="status">
            {et('count', (pages()[0] as EnterprisePage | undefined)?.totalCount ?? 0)}
          </p>
          <Show when={list.items().length} fallback={<p class="muted">{et('empty')}</p>}>
            <ul class="enterprise-grid">
              <For each={list.items()}>
                {(enterprise) => (
                  <li>
                    <EnterpriseCard enterprise={enterprise} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <MoreButton list={list} label={et('more')} />
        </>
      )}
    </Show>
  );
}

function EnterpriseCard(props: { enterprise: EnterpriseCardData }) {
  const e = () => props.enterprise;
  return (
    <article class="enterprise-card">
      <h2 class="enterprise-card-title">
        <A href={enterpriseHref(e().slug)}>{e().organization.shortName ?? e().name}</A>
      </h2>
      <p class="muted enterprise-card-name" lang="vi">
        {e().name}
      </p>
      <Show when={e().allianceMember && e().allianceSince}>
        {(year) => (
          <p class="alliance-badge" title={et('alliance', year())}>
            {et('allianceShort')}
          </p>
        )}
      </Show>
      <p class="enterprise-card-description" lang={locale() === 'en' && e().descriptionEn ? 'en' : 'vi'}>
        {locale() === 'en' && e().descriptionEn ? e().descriptionEn : e().description}
      </p>
      <ul class="chip-list" aria-label={et('capabilities')}>
        <For each={e().capabilities}>{(capability) => <li class="chip">{et(`capability.${capability}`)}</li>}</For>
      </ul>
      <Show when={e().pilots.length}>
        <p class="enterprise-card-pilots">
          {et('pilots')}:{' '}
          {e()
            .pilots.map((p) => p.place.name)
            .join(', ')}
        </p>
      </Show>
    </article>
  );
}
