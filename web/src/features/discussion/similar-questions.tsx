import { A } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { threadHref } from './discussion-links.ts';
import { similarQuestions, type SimilarQuestion } from './suggestions.api.ts';

/** How long typing pauses before the title is looked up: one request per pause, not per key. */
const PAUSE_MS = 400;
/** Shorter titles say too little to compare. */
const MIN_TITLE = 8;

/**
 * "Similar questions already asked", under the title of a new question: looked up at each pause
 * in typing, the last answer shown (an older request still on its way is cancelled). Saying
 * nothing on failure: it is a hint, not a step of asking.
 */
export function SimilarQuestions(props: { title: string }) {
  const [found, setFound] = createSignal<SimilarQuestion[]>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  const stop = () => {
    clearTimeout(timer);
    inFlight?.abort();
  };
  createEffect(
    on(
      () => props.title.trim(),
      (title) => {
        stop();
        if (title.length < MIN_TITLE) return setFound([]);
        timer = setTimeout(async () => {
          const controller = new AbortController();
          inFlight = controller;
          try {
            setFound(await similarQuestions(title.slice(0, 200), controller.signal));
          } catch {
            if (!controller.signal.aborted) setFound([]);
          }
        }, PAUSE_MS);
      },
    ),
  );
  onCleanup(stop);

  return (
    <section class="similar-questions" aria-live="polite" aria-labelledby="similar-questions-title">
      <Show when={found().length}>
        <h2 id="similar-questions-title" class="similar-questions-title">
          {t('discussion.similarTitle')}
        </h2>
        <p class="field-hint">{t('discussion.similarHint')}</p>
        <ul class="similar-questions-list">
          <For each={found()}>
            {(question) => (
              <li>
                <A href={threadHref(question.id)} target="_blank" lang="vi">
                  {question.title}
                </A>{' '}
                <span class="muted">
                  {question.answered ? `✓ ${t('discussion.answered')} · ` : ''}
                  {t('discussion.replyCount', question.replyCount)}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
