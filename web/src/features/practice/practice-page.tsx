import './practice-page.css';
import { A, revalidate, useParams } from '@solidjs/router';
import { createSignal, For, Match, onMount, Show, Suspense, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { formatDate, localName, t } from '../../i18n/i18n.ts';
import { listAddress } from '../../lib/list-params.ts';
import { createViewer } from '../account/account.api.ts';
import { placeHref } from '../place/place.api.ts';
import { topicHref } from '../topic/topic.api.ts';
import { BookmarkButton } from '../bookmark/bookmark-buttons.tsx';
import { EndorseButton } from '../reaction/endorse-button.tsx';
import { recordView } from '../reaction/reaction.api.ts';
import { MergedOrganizationHint, MergedPlaceHint } from '../expert/affiliation.tsx';
import { PracticeDiscussion } from '../discussion/practice-discussion.tsx';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { FeaturedMark, StageYear } from './practice-badges.tsx';
import { CurationPanel } from './practice-curation.tsx';
import { getPractice, practiceEditHref, type Practice } from './practice.api.ts';
import { createRecord, RecordStates } from '../../components/record-states.tsx';
import { ExternalLinkList } from '../../components/external-links.tsx';
import { profileHref } from '../expert/expert.api.ts';

/** /practices/:id: one good practice as a case record. */
export default function PracticePage() {
  const params = useParams<{ id: string }>();
  const loaded = createRecord(() => getPractice(params.id));

  return (
    <div class="practice-page">
      <Suspense fallback={<PracticeSkeleton />}>
        <RecordStates
          loaded={loaded()}
          retry={() => revalidate(getPractice.keyFor(params.id))}
          back={{ href: '/practices', label: t('practicePage.backToList') }}
          errorTitle={t('practicePage.errorTitle')}
          notFound={{ title: t('practicePage.notFoundTitle'), body: t('practicePage.notFoundBody') }}
        >
          {(practice) => <PracticeView practice={practice()} />}
        </RecordStates>
      </Suspense>
    </div>
  );
}

const sections = [
  { field: 'problemHtml', label: () => t('practicePage.problem'), id: 'van-de' },
  { field: 'solutionHtml', label: () => t('practicePage.solution'), id: 'giai-phap' },
  { field: 'resultsHtml', label: () => t('practicePage.results'), id: 'ket-qua' },
  { field: 'lessonsHtml', label: () => t('practicePage.lessons'), id: 'bai-hoc' },
] as const;

function PracticeView(props: { practice: Practice }) {
  // Signed out or not loaded yet, the page is the same for everyone: no wait on the viewer.
  const viewer = createViewer();
  const published = () => props.practice.status === 'PUBLISHED';
  // A published record skips what its authors left out; authors see the gaps in their draft.
  const shownSections = () => sections.filter((section) => props.practice[section.field] || !published());
  // Counted once per reader by the server; only published practices have readers to count.
  const [viewCount, setViewCount] = createSignal<number | null>(null);
  onMount(async () => {
    if (published()) setViewCount(await recordView(props.practice.id));
  });

  return (
    <article class="practice" aria-labelledby="page-title">
      <DocumentTitle text={props.practice.title} />
      <nav class="breadcrumb" aria-label={t('profile.breadcrumb')}>
        <ol>
          <li>
            <A href="/practices">{t('nav.practices')}</A>
          </li>
          <li aria-current="page">{props.practice.title}</li>
        </ol>
      </nav>

      <StatusBanner practice={props.practice} />

      <header class="practice-header">
        <div class="practice-header-text">
          <p class="practice-kicker">
            <StageYear stage={props.practice.stage} year={props.practice.year} />
            <FeaturedMark featured={props.practice.featured} />
          </p>
          <h1 id="page-title" class="practice-title" lang="vi">
            {props.practice.title}
          </h1>
          <Show when={props.practice.summary}>
            <p class="practice-summary" lang="vi">
              {props.practice.summary}
            </p>
          </Show>
        </div>
        <Show when={props.practice.viewerCanEdit}>
          <A class="button button-secondary practice-edit" href={practiceEditHref(props.practice.id)}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="m10.5 2.5 3 3L6 13H3v-3Z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
            </svg>
            {published() ? t('practicePage.editPublished') : t('practicePage.edit')}
          </A>
        </Show>
      </header>

      <Show when={published()}>
        <div class="reader-actions">
          <Show when={!props.practice.viewerCanEdit}>
            <EndorseButton practice={props.practice} signedIn={Boolean(viewer())} />
          </Show>
          <Show when={props.practice.viewerCanEdit && props.practice.endorsementCount > 0}>
            <p class="reader-stat">{t('endorsement.count', props.practice.endorsementCount)}</p>
          </Show>
          <BookmarkButton kind="practice" target={props.practice} signedIn={Boolean(viewer())} />
          <p class="reader-stat">{t('views', viewCount() ?? props.practice.viewCount)}</p>
        </div>
      </Show>

      <Show when={viewer()}>{(signedIn) => <CurationPanel practice={props.practice} viewer={signedIn()} />}</Show>

      <div class="practice-body">
        <aside class="practice-aside" aria-labelledby="practice-details">
          <h2 id="practice-details" class="practice-aside-title">
            {t('practicePage.details')}
          </h2>
          <dl class="detail-list">
            <Show when={props.practice.organization}>
              {(organization) => (
                <div class="is-wide">
                  <dt>{t('practice.organization')}</dt>
                  <dd>
                    <A href={listAddress('/practices', { org: organization().slug })} title={t('practicePage.seeAllIn', organization().name)} lang="vi">
                      {organization().name}
                    </A>{' '}
                    <MergedOrganizationHint organization={organization()} />
                  </dd>
                </div>
              )}
            </Show>
            <Show when={props.practice.place}>
              {(place) => (
                <div class="is-wide">
                  <dt>{t('practice.place')}</dt>
                  <dd>
                    <A href={placeHref(place().code)} title={t('practicePage.seeAllIn', place().name)}>
                      {place().name}
                    </A>{' '}
                    <MergedPlaceHint place={place()} />
                  </dd>
                </div>
              )}
            </Show>
            <Show when={props.practice.stage}>
              {(stage) => (
                <div>
                  <dt>{t('practice.stageLabel')}</dt>
                  <dd>{t(`practice.stage.${stage()}`)}</dd>
                </div>
              )}
            </Show>
            <Show when={props.practice.year}>
              {(year) => (
                <div>
                  <dt>{t('practice.year')}</dt>
                  <dd>{year()}</dd>
                </div>
              )}
            </Show>
            <Show when={props.practice.topics.length}>
              <div class="is-wide">
                <dt>{t('practice.topics')}</dt>
                <dd>
                  <ul class="chip-list">
                    <For each={props.practice.topics}>
                      {(topic) => (
                        <li>
                          <A class="chip chip-link" href={topicHref(topic.slug)} title={t('practicePage.seeMore', localName(topic))}>
                            {localName(topic)}
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </dd>
              </div>
            </Show>
            <div class="is-wide">
              <dt>{t('practicePage.authors')}</dt>
              <dd>
                <ul class="author-list">
                  <For each={props.practice.authors}>
                    {(author) => (
                      <li class="author">
                        <ExpertAvatar name={author.name} handle={author.handle} url={author.avatarUrl} size="small" />
                        <span class="author-text">
                          <A href={profileHref(author.handle)}>{author.name}</A>
                          <Show when={author.position}>
                            <span class="author-position" lang="vi">
                              {author.position}
                            </span>
                          </Show>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </dd>
            </div>
            <Show when={props.practice.publishedAt}>
              {(publishedAt) => (
                <div>
                  <dt>{t('practicePage.published')}</dt>
                  <dd>
                    <time datetime={publishedAt()}>{formatDate(publishedAt())}</time>
                  </dd>
                </div>
              )}
            </Show>
            <Show when={props.practice.version > 0}>
              <div>
                <dt>{t('practicePage.version')}</dt>
                <dd>
                  {props.practice.version}
                  <Show when={props.practice.version > 1}>
                    {' · '}
                    <span class="muted">
                      {t('practicePage.updated')} <time datetime={props.practice.updatedAt}>{formatDate(props.practice.updatedAt)}</time>
                    </span>
                  </Show>
                </dd>
              </div>
            </Show>
          </dl>
        </aside>

        <div class="practice-main">
          <For each={shownSections()}>
            {(section) => (
              <section class="practice-section" aria-labelledby={section.id}>
                <h2 id={section.id}>{section.label()}</h2>
                <Show when={props.practice[section.field]} fallback={<p class="muted">{t('practicePage.empty')}</p>}>
                  {/* Sanitised by the server's one renderer: the only HTML this app inserts. */}
                  <div class="prose" lang="vi" innerHTML={props.practice[section.field]} />
                </Show>
              </section>
            )}
          </For>

          <Show when={props.practice.links.length}>
            <section class="practice-section" aria-labelledby="practice-links">
              <h2 id="practice-links">{t('practicePage.links')}</h2>
              <ExternalLinkList links={props.practice.links} />
            </section>
          </Show>

          <Show when={props.practice.history.length}>
            <section class="practice-section practice-history" aria-labelledby="practice-history">
              <h2 id="practice-history">{t('practicePage.history')}</h2>
              <p class="muted">{t('practicePage.historyIntro')}</p>
              <ol class="history-list">
                <For each={props.practice.history}>
                  {(revision) => (
                    <li>
                      <span class="history-version">{t('practicePage.historyVersion', revision.version)}</span>
                      <span class="history-title" lang="vi">
                        {revision.title}
                      </span>
                      <span class="history-meta">{t('practicePage.historyReplaced', revision.editedBy.name, formatDate(revision.replacedAt))}</span>
                    </li>
                  )}
                </For>
              </ol>
            </section>
          </Show>

          {/* Comments: the practice's one discussion thread (features/discussion). */}
          <Show when={published()}>
            <PracticeDiscussion practiceId={props.practice.id} />
          </Show>
        </div>
      </div>
    </article>
  );
}

/** What a non-published practice is waiting for, above its title. */
function StatusBanner(props: { practice: Practice }) {
  return (
    <Switch>
      <Match when={props.practice.status === 'DRAFT'}>
        <div class="status-panel practice-status">
          <p class="status-panel-title">{t('practicePage.draftTitle')}</p>
          <p>{t('practicePage.draftBody')}</p>
        </div>
      </Match>
      <Match when={props.practice.status === 'SUBMITTED'}>
        <div class="status-panel is-waiting practice-status">
          <p class="status-panel-title">{t('practicePage.submittedTitle')}</p>
          <Show when={props.practice.submittedAt}>{(at) => <p>{t('practicePage.submittedBody', formatDate(at()))}</p>}</Show>
        </div>
      </Match>
      <Match when={props.practice.status === 'RETURNED'}>
        <div class="status-panel is-declined practice-status">
          <p class="status-panel-title">{t('practicePage.returnedTitle')}</p>
          <Show when={props.practice.returnReason}>
            <p class="request-statement" lang="vi">
              {t('practicePage.returnedReason', props.practice.returnReason)}
            </p>
          </Show>
          <p>{t('practicePage.returnedBody')}</p>
        </div>
      </Match>
    </Switch>
  );
}

function PracticeSkeleton() {
  return (
    <div class="practice is-loading">
      <p class="visually-hidden" role="status">
        {t('app.loading')}
      </p>
      <div class="practice-header" aria-hidden="true">
        <div class="practice-header-text">
          <span class="skeleton skeleton-line skeleton-short" />
          <span class="skeleton skeleton-line skeleton-heading" />
          <span class="skeleton skeleton-line" />
          <span class="skeleton skeleton-line" />
        </div>
      </div>
    </div>
  );
}
