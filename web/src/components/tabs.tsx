import type { JSX } from 'solid-js';

/** A row of links, one of them current, e.g. a list's kinds; each tab has its own address. */
export function Tabs(props: { label: string; children: JSX.Element }) {
  return (
    <nav class="tabs" aria-label={props.label}>
      <ul>{props.children}</ul>
    </nav>
  );
}

/**
 * One tab. A plain link (the router still handles the click): the router's `<A>` would mark
 * every tab of the same path as the current page, whatever its query.
 */
export function Tab(props: { href: string; current: boolean; children: JSX.Element }) {
  return (
    <li>
      <a href={props.href} class="tab" classList={{ 'is-active': props.current }} aria-current={props.current ? 'page' : undefined}>
        {props.children}
      </a>
    </li>
  );
}
