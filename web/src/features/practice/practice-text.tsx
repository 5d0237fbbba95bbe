import { For, Show } from 'solid-js';
import { formatDate, t } from '../../i18n/i18n.ts';
import { ExternalLinkList } from '../../components/external-links.tsx';
import type { Practice } from './practice-record.api.ts';
import { PracticeReuse } from './practice-reuse.tsx';

const sections = [
  { field: 'problemHtml', label: () => t('practicePage.problem'), id: 'van-de' },
  { field: 'solutionHtml', label: () => t('practicePage.solution'), id: 'giai-phap' },
  { field: 'resultsHtml', label: () => t('practicePage.results'), id: 'ket-qua' },
  { field: 'lessonsHtml', label: () => t('practicePage.lessons'), id: 'bai-hoc' },
] as const;

/**
 * A practice's text: its four sections, its links and its earlier versions. A published record
 * skips the sections its authors left out; authors see the gaps in their draft.
 */
export function PracticeText(props: { practice: Practice }) {
  const shownSections = () => sections.filter((section) => props.practice[section.field] || props.practice.status !== 'PUBLISHED');
  return (
    <>
      <For each={shownSections()}>
        {(section) => (
          <section class="practice-section" aria-labelledby={section.id}>
            <h2 id={section.id}>{section.label()}</h2>
            <Show when={props.practice[section.field]} fallback={<p class="muted">{t('practicePage.empty')}</p>}>
              {/* Sanitised by the server's one renderer: the only HTML this app inserts. */}
              <div class="prose" lang="vi" innerHTML={props.practice[section.field]} />
            </Show>
          </section>
        )}
      </For>

      <PracticeReuse practice={props.practice} />

      <Show when={props.practice.links.length}>
        <section class="practice-section" aria-labelledby="practice-links">
          <h2 id="practice-links">{t('practicePage.links')}</h2>
          <ExternalLinkList links={props.practice.links} />
        </section>
      </Show>

      <Show when={props.practice.history.length}>
        <section class="practice-section practice-history" aria-labelledby="practice-history">
          <h2 id="practice-history">{t('practicePage.history')}</h2>
          <p class="muted">{t('practicePage.historyIntro')}</p>
          <ol class="history-list">
            <For each={props.practice.history}>
              {(revision) => (
                <li>
                  <span class="history-version">{t('practicePage.historyVersion', revision.version)}</span>
                  <span class="history-title" lang="vi">
                    {revision.title}
                  </span>
                  <span class="history-meta">{t('practicePage.historyReplaced', revision.editedBy.name, formatDate(revision.replacedAt))}</span>
                </li>
              )}
            </For>
          </ol>
        </section>
      </Show>
    </>
  );
}
