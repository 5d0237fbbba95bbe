import { A, useLocation } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { formErrorText, type Outcome } from '../lib/form.ts';
import { signInHref } from '../features/account/account.api.ts';

/** What the server said after a toggle: the new state, and the new count where there is one. */
export interface ToggleState {
  on: boolean;
  count?: number;
}

/**
 * An on/off button for follow, bookmark and "this helped me": it changes at once (optimistic),
 * rolls back and says why when the write fails, and for signed-out visitors is a sign-in link.
 */
export function ToggleButton(props: {
  on: boolean;
  count?: number;
  signedIn: boolean;
  /** The button's text in each state, e.g. "Theo dõi" / "Đang theo dõi". */
  labels: { off: string; on: string };
  /** Says in full what pressing does, for screen readers and the tooltip. */
  title?: string;
  toggle: (next: boolean) => Promise<Outcome<ToggleState>>;
  class?: string;
}) {
  const location = useLocation();
  const [pressed, setPressed] = createSignal(props.on);
  const [count, setCount] = createSignal(props.count);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  // A new object on the page (navigation between two profiles) brings its own state.
  createEffect(
    on(
      () => [props.on, props.count] as const,
      ([nextOn, nextCount]) => {
        setPressed(nextOn);
        setCount(nextCount);
      },
      { defer: true },
    ),
  );

  async function press() {
    if (busy()) return;
    const before = { on: pressed(), count: count() };
    const next = !before.on;
    setBusy(true);
    setProblem(undefined);
    setPressed(next);
    if (before.count !== undefined) setCount(before.count + (next ? 1 : -1));
    const outcome = await props.toggle(next);
    setBusy(false);
    if (outcome.ok) {
      setPressed(outcome.data.on);
      if (outcome.data.count !== undefined) setCount(outcome.data.count);
    } else {
      setPressed(before.on);
      setCount(before.count);
      setProblem(formErrorText(outcome.problem.form ?? { code: 'UNKNOWN' }));
    }
  }

  return (
    <Show
      when={props.signedIn}
      fallback={
        <A class={`toggle-button ${props.class ?? ''}`} href={signInHref(location.pathname + location.search)} title={props.title}>
          {props.labels.off}
          <Show when={props.count !== undefined && props.count > 0}>
            <span class="toggle-count">{props.count}</span>
          </Show>
        </A>
      }
    >
      <span class="toggle-wrap">
        <button type="button" class={`toggle-button ${props.class ?? ''}`} classList={{ 'is-on': pressed() }} aria-pressed={pressed()} title={props.title} aria-busy={busy()} onClick={press}>
          {pressed() ? props.labels.on : props.labels.off}
          <Show when={count() !== undefined}>
            <span class="toggle-count">{count()}</span>
          </Show>
        </button>
        <Show when={problem()}>
          <span class="toggle-problem" role="alert">
            {problem()}
          </span>
        </Show>
      </span>
    </Show>
  );
}
