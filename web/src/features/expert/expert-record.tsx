import { A, createAsync } from '@solidjs/router';
import { createSignal, For, type JSX, Show, Suspense } from 'solid-js';
import { threadHref } from '../discussion/discussion-links.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { profileHref } from './expert-links.ts';
import { te } from './expert-text.ts';
import { getExpertRecord, moreOfRecord, type ExpertRecord, type RecordListName } from './record.api.ts';

type Record = NonNullable<ExpertRecord>;
type Listed<T> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: { node: T }[] } | null | undefined;

/**
 * A profile's record: what the person wrote (practices, questions, answers, discussions), the
 * endorsements their practices received, and who follows whom. The owner also sees their
 * unpublished practices and what their profile lacks. Loaded beside the profile, so that the
 * profile never waits for it.
 */
export function ExpertRecordSections(props: { handle: string; isOwn: boolean }) {
  const record = createAsync(() => getExpertRecord(props.handle).catch(() => null));
  return (
    <Suspense>
      <Show when={record()}>{(loaded) => <RecordView record={loaded()} handle={props.handle} isOwn={props.isOwn} />}</Show>
    </Suspense>
  );
}

function RecordView(props: { record: Record; handle: string; isOwn: boolean }) {
  const r = () => props.record;
  const more = (list: RecordListName) => (after: string) => moreOfRecord(props.handle, list, after) as Promise<Listed<never>>;
  return (
    <>
      <Show when={props.isOwn && r().missingProfileFields?.length}>
        <section class="profile-section profile-nudge" aria-labelledby="profile-complete">
          <h2 id="profile-complete">{te('complete.title')}</h2>
          <p>
            {te('complete.missing')} {(r().missingProfileFields ?? []).map((field) => te(`complete.fields.${field}`)).join(', ')}.
          </p>
          <A class="button" href="/settings">
            {te('complete.action')}
          </A>
        </section>
      </Show>

      <p class="profile-reputation">{te('record.reputation', r().reputation)}</p>

      <RecordList id="profile-practices" title={te('record.practices')} list={r().practices} more={more('practices')}>
        {(p) => <A href={practiceHref(p.id)}>{p.title}</A>}
      </RecordList>

      <Show when={r().unpublishedPractices}>
        {(drafts) => (
          <RecordList id="profile-drafts" title={te('record.drafts')} hint={te('record.draftsHint')} list={drafts()} more={more('unpublishedPractices')}>
            {(p) => (
              <>
                <A href={practiceHref(p.id)}>{p.title || '…'}</A> <span class="badge">{te(`record.status.${p.status}`)}</span>
              </>
            )}
          </RecordList>
        )}
      </Show>

      <section class="profile-section" aria-labelledby="profile-endorsements">
        <h2 id="profile-endorsements">{te('record.endorsements')}</h2>
        <p>{te('record.endorsementsCount', r().endorsementsReceived)}</p>
        <Show when={r().endorsedPractices.edges.length}>
          <ul class="record-list">
            <For each={r().endorsedPractices.edges}>
              {(edge) => (
                <li>
                  <A href={practiceHref(edge.node.id)}>{edge.node.title}</A> <span class="muted">({edge.node.endorsementCount})</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <Show when={r().questions !== null} fallback={<p class="muted">{te('record.membersOnly')}</p>}>
        <RecordList id="profile-questions" title={te('record.questions')} list={r().questions} more={more('questions')}>
          {(th) => (
            <>
              <A href={threadHref(th.id)}>{th.title}</A> <Show when={th.pendingApproval}>{<span class="badge">{te('record.waiting')}</span>}</Show>
            </>
          )}
        </RecordList>
        <RecordList id="profile-answers" title={te('record.answers')} list={r().answers} more={more('answers')}>
          {(a) => (
            <>
              <A href={threadHref(a.question.id)}>{a.question.title}</A>{' '}
              <Show when={a.accepted}>
                <span class="badge badge-accepted">{te('record.accepted')}</span>
              </Show>
            </>
          )}
        </RecordList>
        <RecordList id="profile-discussions" title={te('record.discussions')} list={r().discussions} more={more('discussions')}>
          {(th) => (
            <>
              <A href={threadHref(th.id)}>{th.title}</A> <Show when={th.pendingApproval}>{<span class="badge">{te('record.waiting')}</span>}</Show>
            </>
          )}
        </RecordList>
      </Show>

      <RecordList id="profile-followers" title={`${te('record.followers')} (${r().followerCount})`} list={r().followers} more={more('followers')}>
        {(person) => <A href={profileHref(person.handle)}>{person.name}</A>}
      </RecordList>
      <RecordList id="profile-following" title={`${te('record.following')} (${r().followingCount})`} list={r().following} more={more('following')}>
        {(person) => <A href={profileHref(person.handle)}>{person.name}</A>}
      </RecordList>
    </>
  );
}

/** One titled list of the record: its first items, then the next pages on request. */
function RecordList<T>(props: { id: string; title: string; hint?: string; list: Listed<T>; more: (after: string) => Promise<Listed<never>>; children: (item: T) => JSX.Element }) {
  // Pages read after the first, kept until the record itself is read again.
  const [pages, setPages] = createSignal<NonNullable<Listed<T>>[]>([]);
  const [loading, setLoading] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const last = () => pages().at(-1) ?? props.list;
  const items = () => [...(props.list?.edges ?? []), ...pages().flatMap((page) => page.edges)];
  const loadMore = async () => {
    const after = last()?.pageInfo.endCursor;
    if (!after || loading()) return;
    setLoading(true);
    setFailed(false);
    try {
      const page = (await props.more(after)) as Listed<T>;
      if (page) setPages([...pages(), page]);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };
  return (
    <section class="profile-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <Show when={props.hint}>
        <p class="field-hint">{props.hint}</p>
      </Show>
      <Show when={props.list?.edges.length} fallback={<p class="muted">{te('record.none')}</p>}>
        <ul class="record-list">
          <For each={items()}>{(edge) => <li>{props.children(edge.node)}</li>}</For>
        </ul>
        <Show when={last()?.pageInfo.hasNextPage}>
          <p class="record-more">
            <button type="button" class="button button-small button-secondary" onClick={loadMore} disabled={loading()} aria-describedby={`${props.id}-shown`}>
              {loading() ? te('record.loadingMore') : te('record.showMore')}
            </button>{' '}
            <span id={`${props.id}-shown`} class="muted">
              {te('record.more', items().length, props.list?.totalCount ?? 0)}
            </span>
          </p>
        </Show>
        <Show when={failed()}>
          <p class="field-error" role="alert">
            {te('record.moreFailed')}
          </p>
        </Show>
      </Show>
    </section>
  );
}
