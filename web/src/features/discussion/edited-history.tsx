import { For, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n/i18n.ts';

/** "Edited": a disclosure with the earlier versions, oldest first. */
export function EditedHistory(props: { versions: { title?: string; bodyHtml: string; editedAt: string }[] }) {
  return (
    <details class="edited-history">
      <summary>{t('discussion.edited')}</summary>
      <p class="muted">{t('discussion.earlierVersions')}</p>
      <ol class="edited-versions">
        <For each={props.versions}>
          {(version) => (
            <li>
              <p class="edited-when">{t('discussion.replacedAt', formatDateTime(version.editedAt))}</p>
              <Show when={version.title}>
                <p class="edited-title" lang="vi">
                  {version.title}
                </p>
              </Show>
              {/* Sanitised by the server's one renderer. */}
              <div class="prose" lang="vi" innerHTML={version.bodyHtml} />
            </li>
          )}
        </For>
      </ol>
    </details>
  );
}
