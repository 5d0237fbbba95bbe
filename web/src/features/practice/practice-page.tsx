import './practice-page.css';
import { A, revalidate, useParams } from '@solidjs/router';
import { createSignal, Match, onMount, Show, Suspense, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { createRecord, RecordStates } from '../../components/record-states.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import { createViewer } from '../account/account.api.ts';
import { BookmarkButton } from '../bookmark/bookmark-buttons.tsx';
import { PracticeDiscussion } from '../discussion/practice-discussion.tsx';
import { EndorseButton } from '../reaction/endorse-button.tsx';
import { recordView } from '../reaction/reaction.api.ts';
import { PracticeReplications, ReplicationCount } from '../replication/practice-replications.tsx';
import { PracticeEnterprises } from '../enterprise/practice-enterprises.tsx';
import { CoAuthorInvitation } from './co-author-invitation.tsx';
import { FeaturedMark, StageYear } from './practice-badges.tsx';
import { CurationPanel, ReviewRecord } from './practice-curation.tsx';
import { PracticeDetails } from './practice-details.tsx';
import { practiceEditHref } from './practice-links.ts';
import { getPractice, type Practice } from './practice-record.api.ts';
import { PracticeText } from './practice-text.tsx';
import { PracticeModeration } from '../moderation/practice-moderation.tsx';
import { EditReview } from '../review/edit-review.tsx';
import { te } from '../review/edit-review-text.ts';

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

function PracticeView(props: { practice: Practice }) {
  // Signed out or not loaded yet, the page is the same for everyone: no wait on the viewer.
  const viewer = createViewer();
  const published = () => props.practice.status === 'PUBLISHED';
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
      <CoAuthorInvitation practiceId={props.practice.id} invited={props.practice.viewerIsInvited} inviter={props.practice.authors[0]?.name ?? ''} />
      <PracticeHeader practice={props.practice} />
      <Show when={published()}>
        <ReplicationCount practiceId={props.practice.id} />
        <PracticeEnterprises practiceId={props.practice.id} />
        <ReaderActions practice={props.practice} signedIn={Boolean(viewer())} viewCount={viewCount() ?? props.practice.viewCount} />
      </Show>
      <Show when={viewer()}>{(signedIn) => <CurationPanel practice={props.practice} viewer={signedIn()} />}</Show>
      <EditReview practice={props.practice} />
      <PracticeModeration practice={props.practice} />

      <div class="practice-body">
        <PracticeDetails practice={props.practice} />
        <div class="practice-main">
          <PracticeText practice={props.practice} />
          <Show when={viewer()}>{(signedIn) => <ReviewRecord practice={props.practice} viewer={signedIn()} />}</Show>
          {/* Comments: the practice's one discussion thread (features/discussion). */}
          <Show when={published()}>
            <PracticeReplications practiceId={props.practice.id} />
            <PracticeDiscussion practiceId={props.practice.id} />
          </Show>
        </div>
      </div>
    </article>
  );
}

/** The title, its stage and summary, and the way to the editor for those who may edit. */
function PracticeHeader(props: { practice: Practice }) {
  return (
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
          {props.practice.status === 'PUBLISHED' ? te('editPublished') : t('practicePage.edit')}
        </A>
      </Show>
    </header>
  );
}

/** What a reader of a published practice can do and see: endorse, bookmark, how many read it. */
function ReaderActions(props: { practice: Practice; signedIn: boolean; viewCount: number }) {
  return (
    <div class="reader-actions">
      <Show when={!props.practice.viewerCanEdit}>
        <EndorseButton practice={props.practice} signedIn={props.signedIn} />
      </Show>
      <Show when={props.practice.viewerCanEdit && props.practice.endorsementCount > 0}>
        <p class="reader-stat">{t('endorsement.count', props.practice.endorsementCount)}</p>
      </Show>
      <BookmarkButton kind="practice" target={props.practice} signedIn={props.signedIn} />
      <p class="reader-stat">{t('views', props.viewCount)}</p>
    </div>
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
