import { useAction } from '@solidjs/router';
import { createComputed, createSignal, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { FormAlert } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import type { FormProblem } from '../../lib/form.ts';
import { questionVoteAction } from './thread-writes.api.ts';

/**
 * A question's vote, with its count: as an answer's (reply-vote.tsx), the new state shows at
 * once and is put back if the server refuses it. The asker sees the count only.
 */
export function QuestionVote(props: { thread: { id: string; voteCount: number; viewerVoted: boolean; locked: boolean }; own: boolean }) {
  const [votes, setVotes] = createStore({ voted: false, count: 0, touched: false });
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<FormProblem>();
  const send = useAction(questionVoteAction);
  const voted = () => (votes.touched ? votes.voted : props.thread.viewerVoted);
  const count = () => (votes.touched ? votes.count : props.thread.voteCount);
  createComputed(on([() => props.thread.voteCount, () => props.thread.viewerVoted], () => setVotes('touched', false), { defer: true }));

  const toggle = async () => {
    if (pending()) return;
    const up = !voted();
    const before = { voted: voted(), count: count() };
    setVotes({ voted: up, count: before.count + (up ? 1 : -1), touched: true });
    setProblem(undefined);
    setPending(true);
    const outcome = await send(props.thread.id, up);
    setPending(false);
    if (outcome.ok) {
      const result = (outcome.data as { thread: { voteCount: number; viewerVoted: boolean } }).thread;
      setVotes({ voted: result.viewerVoted, count: result.voteCount, touched: true });
    } else {
      setVotes({ ...before, touched: true });
      setProblem(outcome.problem);
    }
  };

  return (
    <div class="question-vote">
      <Show when={!props.own} fallback={<span class="vote-count">{t('discussion.questionVotes', count())}</span>}>
        <button type="button" class="button button-small vote-button" classList={{ 'is-voted': voted() }} aria-pressed={voted()} disabled={props.thread.locked} onClick={() => void toggle()}>
          <span aria-hidden="true">▲</span> {voted() ? t('discussion.voted') : t('discussion.voteQuestion')}
          <span class="vote-number">{count()}</span>
          <span class="visually-hidden">{t('discussion.votesLabel')}</span>
        </button>
      </Show>
      <Show when={problem()}>
        <FormAlert problem={problem()} />
      </Show>
    </div>
  );
}
