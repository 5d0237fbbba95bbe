import { useAction } from '@solidjs/router';
import { createComputed, on, Show, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import { t } from '../../i18n/i18n.ts';
import type { FormProblem } from '../../lib/form.ts';
import type { Reply } from './thread.api.ts';
import { voteAction } from './thread-writes.api.ts';

/** What a reply's controls share: one write at a time, and why the last one failed. */
export interface ReplyBusy {
  pending: Accessor<boolean>;
  setPending: (pending: boolean) => void;
  setProblem: (problem: FormProblem | undefined) => void;
}

/**
 * An answer's vote: the server's count until this person votes here; then what they did, shown
 * at once while it is sent and put back if it fails.
 */
function createReplyVote(reply: Accessor<Reply>, busy: ReplyBusy) {
  const [votes, setVotes] = createStore({ voted: false, count: 0, touched: false });
  const vote = useAction(voteAction);
  const voted = () => (votes.touched ? votes.voted : reply().viewerVoted);
  const count = () => (votes.touched ? votes.count : reply().voteCount);
  // When the thread is read again, the server's numbers include this person's vote.
  createComputed(on([() => reply().voteCount, () => reply().viewerVoted], () => setVotes('touched', false), { defer: true }));

  const toggle = async () => {
    if (busy.pending()) return;
    const up = !voted();
    const before = { voted: voted(), count: count() };
    setVotes({ voted: up, count: before.count + (up ? 1 : -1), touched: true });
    busy.setProblem(undefined);
    busy.setPending(true);
    const outcome = await vote(reply().id, up);
    busy.setPending(false);
    if (outcome.ok) {
      const result = (outcome.data as { reply: { voteCount: number; viewerVoted: boolean } }).reply;
      setVotes({ voted: result.viewerVoted, count: result.voteCount, touched: true });
    } else {
      setVotes({ ...before, touched: true });
      busy.setProblem(outcome.problem);
    }
  };
  return { voted, count, toggle };
}

/** The vote button under an answer; its own author sees the count only. */
export function VoteControl(props: { reply: Reply; own: boolean; locked: boolean; busy: ReplyBusy }) {
  const vote = createReplyVote(() => props.reply, props.busy);
  return (
    <Show when={!props.own} fallback={<span class="vote-count">{t('discussion.votes', vote.count())}</span>}>
      <button type="button" class="button button-small vote-button" classList={{ 'is-voted': vote.voted() }} aria-pressed={vote.voted()} disabled={props.locked} onClick={() => void vote.toggle()}>
        <span aria-hidden="true">▲</span> {vote.voted() ? t('discussion.voted') : t('discussion.vote')}
        <span class="vote-number">{vote.count()}</span>
        <span class="visually-hidden">{t('discussion.votesLabel')}</span>
      </button>
    </Show>
  );
}
