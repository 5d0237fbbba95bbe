import { A, createAsync, useAction, useLocation } from '@solidjs/router';
import { Match, Show, Suspense, Switch } from 'solid-js';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { getViewer, signInHref, type Viewer } from '../account/account.api.ts';
import { threadHref } from './discussion-links.ts';
import { getPracticeDiscussion, getThread } from './thread.api.ts';
import { commentOnPracticeAction } from './thread-writes.api.ts';
import { Replies } from './replies.tsx';
import { ReplyBox } from './reply-box.tsx';

/**
 * The comments under a published practice: its one discussion thread, started by the first
 * comment. Members read and write them; signed-out readers are offered to sign in.
 */
export function PracticeDiscussion(props: { practiceId: string }) {
  // A failure to read the viewer or the comments shows the section's error, never the
  // signed-out invitation or "no comments yet".
  const viewer = createAsync(() => getViewer());
  const location = useLocation();
  return (
    <section class="practice-section practice-discussion" aria-labelledby="practice-discussion">
      <h2 id="practice-discussion">{t('discussion.practiceHeading')}</h2>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <SectionError>
          <Switch>
            <Match when={viewer()}>{(signedIn) => <PracticeComments practiceId={props.practiceId} viewer={signedIn()} />}</Match>
            <Match when={viewer() === null}>
              <p class="practice-discussion-signin">
                {t('discussion.practiceSignedOut')} <A href={signInHref(location.pathname + location.search)}>{t('discussion.signInToComment')}</A>
              </p>
            </Match>
          </Switch>
        </SectionError>
      </Suspense>
    </section>
  );
}

function PracticeComments(props: { practiceId: string; viewer: Viewer }) {
  const threadId = createAsync(() => getPracticeDiscussion(props.practiceId));
  const comment = useAction(commentOnPracticeAction);
  return (
    <Show
      when={threadId()}
      fallback={
        <>
          <p class="muted replies-empty">{t('discussion.practiceNoComments')}</p>
          <ReplyBox id={`practice-comment-${props.practiceId}`} label={t('discussion.yourComment')} submitLabel={t('discussion.postComment')} send={(body) => comment(props.practiceId, body)} />
        </>
      }
    >
      {(id) => <PracticeThread threadId={id()} practiceId={props.practiceId} viewer={props.viewer} />}
    </Show>
  );
}

function PracticeThread(props: { threadId: string; practiceId: string; viewer: Viewer }) {
  const thread = createAsync(() => getThread(props.threadId));
  return (
    <Show when={thread()}>
      {(loaded) => (
        <>
          <p class="practice-discussion-link">
            <A href={threadHref(loaded().id)}>{t('discussion.openThread', loaded().replyCount)}</A>
          </p>
          <Replies thread={loaded()} viewer={props.viewer} boxLabel={t('discussion.yourComment')} boxSubmitLabel={t('discussion.postComment')} />
        </>
      )}
    </Show>
  );
}
