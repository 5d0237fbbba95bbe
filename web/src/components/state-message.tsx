import { Show, type JSX } from 'solid-js';

/** An empty, error or not-found state: a short title, one sentence, and what to do next. */
export function StateMessage(props: { title: string; body?: string; tone?: 'neutral' | 'error'; headingLevel?: 1 | 2; children?: JSX.Element }) {
  return (
    <div class="state-message" classList={{ 'is-error': props.tone === 'error' }} role={props.tone === 'error' ? 'alert' : undefined}>
      <Show when={props.headingLevel === 1} fallback={<h2 class="state-title">{props.title}</h2>}>
        <h1 class="state-title" id="page-title" tabindex="-1">
          {props.title}
        </h1>
      </Show>
      <Show when={props.body}>
        <p class="state-body">{props.body}</p>
      </Show>
      <Show when={props.children}>
        <div class="state-actions">{props.children}</div>
      </Show>
    </div>
  );
}
