import { createSignal, For, onCleanup } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { mentionCandidates, type MentionCandidate } from './suggestions.api.ts';

/** The "@…" being typed just before the caret: after a space or the start, as the server's renderer reads mentions. */
const TYPED_MENTION = /(?:^|[^\p{L}\p{N}._\-/])@([\p{L}\p{N}._-]{2,30})$/u;
const PAUSE_MS = 250;

/**
 * @mention suggestions for a textarea, by the ARIA combobox pattern: typing "@ng" lists matching
 * members (handle or name, diacritics ignored) below the box; arrows move through them, Enter or
 * Tab puts "@handle " in place of what was typed, Escape closes the list. The textarea gets
 * `attributes()` and the handlers; the list is `<Suggestions />`.
 */
export function createMentionAutocomplete(options: { id: string; textarea: () => HTMLTextAreaElement | undefined; setValue: (value: string) => void }) {
  const listId = `${options.id}-mentions`;
  const [found, setFound] = createSignal<MentionCandidate[]>([]);
  const [active, setActive] = createSignal(0);
  /** Where the "@" being completed starts, and what follows it. */
  let typed: { start: number; text: string } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  const close = () => {
    clearTimeout(timer);
    inFlight?.abort();
    typed = null;
    setFound([]);
  };
  onCleanup(close);
  const open = () => found().length > 0;

  const look = () => {
    const box = options.textarea();
    if (!box || box.selectionStart !== box.selectionEnd) return close();
    const match = TYPED_MENTION.exec(box.value.slice(0, box.selectionStart));
    if (!match) return close();
    const text = match[1]!;
    typed = { start: box.selectionStart - text.length - 1, text };
    clearTimeout(timer);
    inFlight?.abort();
    timer = setTimeout(async () => {
      const controller = new AbortController();
      inFlight = controller;
      try {
        const candidates = await mentionCandidates(text, controller.signal);
        if (typed?.text !== text) return;
        setFound(candidates);
        setActive(0);
      } catch {
        if (!controller.signal.aborted) setFound([]);
      }
    }, PAUSE_MS);
  };

  const choose = (candidate: MentionCandidate) => {
    const box = options.textarea();
    if (!box || !typed) return close();
    const inserted = `@${candidate.handle} `;
    const value = box.value.slice(0, typed.start) + inserted + box.value.slice(typed.start + 1 + typed.text.length);
    const caret = typed.start + inserted.length;
    options.setValue(value);
    close();
    queueMicrotask(() => {
      box.focus();
      box.setSelectionRange(caret, caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open()) return;
    const count = found().length;
    if (event.key === 'ArrowDown') setActive((active() + 1) % count);
    else if (event.key === 'ArrowUp') setActive((active() - 1 + count) % count);
    else if (event.key === 'Enter' || event.key === 'Tab') choose(found()[active()]!);
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return {
    // The textarea keeps its textbox role (a combobox cannot be multi-line): it says it completes
    // from a list, which one, and which option is active, as a combobox's input does.
    attributes: () => ({
      'aria-autocomplete': 'list' as const,
      'aria-controls': listId,
      'aria-activedescendant': open() ? optionId(active()) : undefined,
    }),
    onInput: look,
    onKeyDown,
    onBlur: close,
    Suggestions: () => (
      <div id={listId} role="listbox" class="mention-suggestions" aria-label={t('discussion.mentionSuggestions')} hidden={!open()}>
        <For each={found()}>
          {(candidate, index) => (
            <div
              id={optionId(index())}
              role="option"
              // Never focused: the textarea keeps the focus and points at it (aria-activedescendant).
              tabIndex={-1}
              aria-selected={index() === active()}
              classList={{ 'is-active': index() === active() }}
              // Chosen on mousedown, before the textarea's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(candidate);
              }}
            >
              <span class="mention-handle">@{candidate.handle}</span> <span class="muted">{candidate.name}</span>
            </div>
          )}
        </For>
      </div>
    ),
  };
}
