import { A } from '@solidjs/router';
import { For } from 'solid-js';

export interface SectionLink {
  href: string;
  label: string;
  /** Active only on exactly this path (for a section's first page, whose path prefixes the others). */
  end?: boolean;
}

/**
 * The sub-pages of a section (settings, staff), as links: each has its own address, so it can
 * be bookmarked and Back works. The router marks the current one with aria-current="page".
 */
export function SectionNav(props: {
  label: string;
  links: SectionLink[];
  /** Across the top of the page rather than down its side. */
  tabs?: boolean;
}) {
  return (
    <nav class="section-nav" classList={{ 'section-nav-tabs': props.tabs }} aria-label={props.label}>
      <ul>
        <For each={props.links}>
          {(link) => (
            <li>
              <A href={link.href} end={link.end ?? false} activeClass="is-active">
                {link.label}
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
