import { A, createAsync, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { listAddress } from '../../lib/list-params.ts';
import { BrowseBreadcrumb, BrowseRoute, BrowseView, Counts, ExpertSection, PracticeSection, ThreadSection, type BrowseParent } from '../topic/browse-sections.tsx';
import { getPlacePage, getPlaceThreads, placeHref, type PlacePageData } from './place.api.ts';

/**
 * /places/:code: a province's practices, threads (members) and experts, its predecessors'
 * records included. A former province's page says where it went.
 */
export default function PlacePage() {
  const params = useParams<{ code: string }>();
  const page = createAsync(() => getPlacePage(params.code));
  return (
    <BrowseRoute data={page()}>
      {(data) => (
        <Show when={data().place.current !== false} fallback={<FormerPlaceView data={data()} />}>
          <PlaceView data={data()} />
        </Show>
      )}
    </BrowseRoute>
  );
}

const parent = (): BrowseParent => ({ href: '/places', title: t('placePage.title'), label: t('placePage.breadcrumb') });

/** A pre-2025 province: merged into its successor, whose page holds its records now. */
function FormerPlaceView(props: { data: PlacePageData }) {
  const place = () => props.data.place;
  return (
    <div class="browse-page">
      <DocumentTitle text={t('placePage.formerTitle', place().name)} />
      <BrowseBreadcrumb parent={parent()} name={place().name} />
      <Show when={place().successor} fallback={<StateMessage title={t('placePage.formerTitle', place().name)} headingLevel={1} />}>
        {(successor) => (
          <StateMessage
            title={t('placePage.formerTitle', place().name)}
            body={t('placePage.formerBody', place().name, place().fullName, successor().name, successor().fullName, props.data.practices.totalCount)}
            headingLevel={1}
          >
            <A class="button" href={placeHref(successor().code)}>
              {t('placePage.goToSuccessor', successor().name)}
            </A>
            <Show when={props.data.practices.totalCount}>
              <A class="button button-secondary" href={listAddress('/practices', { place: place().code })}>
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
  const formerNames = () =>
    place()
      .predecessors.map((p) => p.name)
      .join(', ');
  return (
    <BrowseView
      name={place().name}
      parent={parent()}
      kicker={place().kind === 'CITY' ? t('placePage.city') : t('placePage.province')}
      header={
        <>
          <Show when={place().predecessors.length} fallback={<p class="lead">{t('placePage.unchangedLong', place().fullName)}</p>}>
            <p class="lead">{t('placePage.includes', formerNames())}</p>
          </Show>
          <Counts class="browse-counts" practices={place().practiceCount} experts={place().expertCount} threads={place().threadCount} />
        </>
      }
    >
      <PracticeSection id="place-practices" title={t('placePage.latestPractices')} list={props.data.practices} path="/practices" filter={{ place: place().code }} empty={t('placePage.noPractices')} />

      <ThreadSection id="place-threads" filter={place().code} load={getPlaceThreads} moreHref={listAddress('/threads', { place: place().code })} empty={t('placePage.noThreads')} />

      <ExpertSection id="place-experts" title={t('placePage.experts')} list={props.data.experts} path="/experts" filter={{ place: place().code }} empty={t('placePage.noExperts')} />
    </BrowseView>
  );
}
