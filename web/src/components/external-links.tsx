import { For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';

/** Only web addresses become links; anything else in a stored link is shown as text. */
export const isWebAddress = (url: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

/** Links people gave (a profile's, a practice's): opened in a new tab, vouching for nothing. */
export function ExternalLinkList(props: { links: readonly { label: string; url: string }[] }) {
  return (
    <ul class="link-list">
      <For each={props.links}>
        {(link) => (
          <li>
            <Show when={isWebAddress(link.url)} fallback={<span lang="vi">{link.label}</span>}>
              <a href={link.url} target="_blank" rel="noopener noreferrer nofollow" class="external-link">
                <span lang="vi">{link.label}</span>
                <svg class="external-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
                  <path d="M7 1.5h3.5V5M10.5 1.5 5.5 6.5M9 7.5v3H1.5V3h3" fill="none" stroke="currentColor" stroke-width="1.2" stroke-linecap="round" stroke-linejoin="round" />
                </svg>
                <span class="visually-hidden"> {t('app.externalLink')}</span>
              </a>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
