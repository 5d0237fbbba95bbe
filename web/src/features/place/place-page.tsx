import { A, createAsync, useParams } from '@solidjs/router';
import { Match, Show, Suspense, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import NotFoundPage from '../../components/not-found-page.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { BrowseSection, Counts, ExpertGrid, listHref, PracticeGrid, ThreadSection } from '../topic/browse-sections.tsx';
import { getPlacePage, getPlaceThreads, placeHref, type PlacePageData } from './place.api.ts';

/**
 * /places/:code: a province's practices, threads (members) and experts, its predecessors'
 * records included. A former province's page says where it went.
 */
export default function PlacePage() {
  const params = useParams<{ code: string }>();
  const page = createAsync(() => getPlacePage(params.code));
  return (
    <SectionError>
      <Suspense fallback={<p class="page-loading" role="status">{t('app.loading')}</p>}>
        <Switch>
          <Match when={page() === null}>
            <NotFoundPage />
          </Match>
          <Match when={page()?.place.current === false && page()}>{(data) => <FormerPlaceView data={data()} />}</Match>
          <Match when={page()}>{(data) => <PlaceView data={data()} />}</Match>
        </Switch>
      </Suspense>
    </SectionError>
  );
}

function Breadcrumb(props: { name: string }) {
  return (
    <nav class="breadcrumb" aria-label={t('placePage.breadcrumb')}>
      <ol>
        <li><A href="/places">{t('placePage.title')}</A></li>
        <li aria-current="page">{props.name}</li>
      </ol>
    </nav>
  );
}

/** A pre-2025 province: merged into its successor, whose page holds its records now. */
function FormerPlaceView(props: { data: PlacePageData }) {
  const place = () => props.data.place;
  return (
    <div class="browse-page">
      <DocumentTitle text={t('placePage.formerTitle', place().name)} />
      <Breadcrumb name={place().name} />
      <Show
        when={place().successor}
        fallback={<StateMessage title={t('placePage.formerTitle', place().name)} headingLevel={1} />}
      >
        {(successor) => (
          <StateMessage
            title={t('placePage.formerTitle', place().name)}
            body={t('placePage.formerBody', place().name, place().fullName, successor().name, successor().fullName, props.data.practices.totalCount)}
            headingLevel={1}
          >
            <A class="button" href={placeHref(successor().code)}>{t('placePage.goToSuccessor', successor().name)}</A>
            <Show when={props.data.practices.totalCount}>
              <A class="button button-secondary" href={listHref('/practices', { place: place().code })}>
                {t('placePage.formerPractices', place().name)}
              </A>
            </Show>
          </StateMessage>
        )}
      </Show>
    </div>
  );
}

function PlaceView(props: { data: PlacePageData }) {
  const place = () => props.data.place;
  const practices = () => props.data.practices;
  const experts = () => props.data.experts;
  const formerNames = () => place().predecessors.map((p) => p.name).join(', ');
  return (
    <div class="browse-page">
      <DocumentTitle text={place().name} />
      <Breadcrumb name={place().name} />
      <header class="page-header browse-header">
        <p class="browse-kicker">{place().kind === 'CITY' ? t('placePage.city') : t('placePage.province')}</p>
        <h1 id="page-title">{place().name}</h1>
        <Show when={place().predecessors.length} fallback={<p class="lead">{t('placePage.unchangedLong', place().fullName)}</p>}>
          <p class="lead">{t('placePage.includes', formerNames())}</p>
        </Show>
        <Counts class="browse-counts" practices={place().practiceCount} experts={place().expertCount} threads={place().threadCount} />
      </header>

      <BrowseSection
        id="place-practices"
        title={t('placePage.latestPractices')}
        more={practices().totalCount ? { href: listHref('/practices', { place: place().code }), label: t('topicPage.seeAllPractices', practices().totalCount) } : undefined}
      >
        <PracticeGrid practices={practices().edges.map((edge) => edge.node)} empty={t('placePage.noPractices')} />
      </BrowseSection>

      <ThreadSection
        id="place-threads"
        filter={place().code}
        load={getPlaceThreads}
        moreHref={listHref('/threads', { place: place().code })}
        empty={t('placePage.noThreads')}
      />

      <BrowseSection
        id="place-experts"
        title={t('placePage.experts')}
        more={experts().totalCount ? { href: listHref('/experts', { place: place().code }), label: t('topicPage.seeAllExperts', experts().totalCount) } : undefined}
      >
        <ExpertGrid experts={experts().edges.map((edge) => edge.node)} empty={t('placePage.noExperts')} />
      </BrowseSection>
    </div>
  );
}
