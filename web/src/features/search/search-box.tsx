import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal, on, type JSX } from 'solid-js';
import { SEARCH_MAX_LENGTH, searchHref } from './search-links.ts';

/**
 * A search form that opens /search for what was typed; sent empty, it keeps the focus in the box.
 * The header's and the 404 page's. `shown` is the text the box shows (it changes when that does).
 */
export function SearchBox(props: {
  id: string;
  class: string;
  label: string;
  labelClass: string;
  placeholder: string;
  submitClass: string;
  /** The button's content; its accessible name included. */
  submit: JSX.Element;
  shown?: () => string;
}) {
  const navigate = useNavigate();
  const [text, setText] = createSignal('');
  let input: HTMLInputElement | undefined;
  createEffect(on(() => props.shown?.() ?? '', setText));

  return (
    <form
      class={props.class}
      role="search"
      aria-labelledby={`${props.id}-label`}
      onSubmit={(event) => {
        event.preventDefault();
        const q = text().trim();
        if (!q) return input?.focus();
        // On a phone this closes the keyboard over the results.
        input?.blur();
        navigate(searchHref({ q }));
      }}
    >
      <label for={props.id} id={`${props.id}-label`} class={props.labelClass}>
        {props.label}
      </label>
      <input
        ref={input}
        id={props.id}
        type="search"
        name="q"
        autocomplete="off"
        spellcheck={false}
        enterkeyhint="search"
        maxLength={SEARCH_MAX_LENGTH}
        placeholder={props.placeholder}
        value={text()}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <button type="submit" class={props.submitClass}>
        {props.submit}
      </button>
    </form>
  );
}
