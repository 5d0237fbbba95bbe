import { For, type Accessor } from 'solid-js';

/** One problem of a form: the control it belongs to (its id) and what to say. */
export interface SummaryItem {
  /** The id of the field's control, or of a group (fieldset) holding it. */
  target: string;
  text: string;
}

/**
 * Moves focus to a field named in a summary, showing it first: a field in a hidden tab panel
 * (a markdown field's preview) gets its tab selected, and a group gets its first control focused.
 */
export function focusField(id: string) {
  let element = document.getElementById(id);
  if (!element) return;
  const hiddenPanel = element.closest<HTMLElement>('[hidden]');
  if (hiddenPanel?.id) document.querySelector<HTMLElement>(`[role="tab"][aria-controls="${hiddenPanel.id}"]`)?.click();
  if (!element.matches('input, select, textarea, button')) {
    element = element.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button') ?? element;
  }
  // The label above the control comes into view with it, as the field's frame does.
  (element.closest<HTMLElement>('.field, fieldset') ?? element).scrollIntoView({ block: 'start' });
  element.focus({ preventScroll: true });
}

/**
 * The list at the top of a form of everything that stops it from being sent, each a link to
 * its field; each field says it beside itself too. Focus is moved here after a failed submit
 * (`ref` gives the element), so the whole list is read out at once.
 */
export function ErrorSummary(props: {
  id: string;
  title: string;
  /** Problems by key, in the order of the form; a key that stays keeps its row (no re-announcing). */
  keys: Accessor<readonly string[]>;
  item: (key: string) => SummaryItem;
  ref?: (element: HTMLDivElement) => void;
}) {
  return (
    <div class="error-summary" id={props.id} tabindex="-1" role="alert" aria-labelledby={`${props.id}-title`} ref={(element) => props.ref?.(element)}>
      <h2 class="error-summary-title" id={`${props.id}-title`}>
        {props.title}
      </h2>
      <ul class="error-summary-list">
        <For each={props.keys()}>
          {(key) => {
            const item = () => props.item(key);
            return (
              <li>
                <a
                  href={`#${item().target}`}
                  // Native listener, so it runs before the router's and keeps it from handling the hash.
                  on:click={(event) => {
                    event.preventDefault();
                    focusField(item().target);
                  }}
                >
                  {item().text}
                </a>
              </li>
            );
          }}
        </For>
      </ul>
    </div>
  );
}
