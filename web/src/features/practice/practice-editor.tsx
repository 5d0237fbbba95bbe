import { A } from '@solidjs/router';
import { createMemo, Match, Show, Switch, untrack } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { t } from '../../i18n/i18n.ts';
import type { Viewer } from '../account/account.api.ts';
import { StatusChip } from './practice-badges.tsx';
import { createPracticeAutosave } from './practice-autosave.ts';
import { EditorBar } from './practice-editor-bar.tsx';
import { inFormOrder, practiceErrorText, summaryItemFor } from './practice-editor-messages.ts';
import { BasicsSection, ContentSection, ContextSection } from './practice-editor-sections.tsx';
import { MoreSection } from './practice-links-section.tsx';
import { ReuseSection } from './practice-reuse-section.tsx';
import { createPracticeSubmit } from './practice-submit.ts';
import { practiceHref } from './practice-links.ts';
import { editedText, type PracticeDraft } from './practice-record.api.ts';
import { te } from '../review/edit-review-text.ts';

/**
 * The structured form of a practice, saving itself: a new one is created once it has a title,
 * then each change is saved after a pause in typing. A published practice saves the same way
 * into its edit, which the author sends and a curator publishes (the editor starts from that
 * edit, if any); the public reads the published text meanwhile.
 *
 * The page shell: the state and saving live in practice-autosave.ts, the submit flow in
 * practice-submit.ts, the fields in the section components, the bar in practice-editor-bar.tsx.
 */
export function PracticeEditor(props: { practice: PracticeDraft | null; viewer: Viewer; onCreated?: (id: string) => void }) {
  const initial = untrack(() => props.practice && editedText(props.practice));
  const viewer = untrack(() => props.viewer);

  let form: HTMLFormElement | undefined;
  let summary: HTMLDivElement | undefined;
  const editor = createPracticeAutosave({
    initial,
    viewerId: viewer.id,
    onCreated: (id) => props.onCreated?.(id),
    // Declared below; only called once the person types, after setup.
    onEdited: () => submitFlow.clearNotices(),
  });
  const submitFlow = createPracticeSubmit({ editor, form: () => form, summary: () => summary, editWasWaiting: Boolean(initial?.pendingEdit?.submittedAt) });
  const { values, errors, status, version, practiceId } = editor;
  const { submit, summaryShown } = submitFlow;

  function errorText(path: string): string | undefined {
    const code = errors()[path];
    return code ? practiceErrorText(path, code) : undefined;
  }

  /** The paths in error, in the order of the form (link rows and co-authors as listed). */
  const summaryKeys = createMemo(
    () => inFormOrder(Object.keys(errors()), values),
    [],
    // Same paths, same list: rows stay as they are while other fields are fixed.
    { equals: (a, b) => a.length === b.length && a.every((path, i) => path === b[i]) },
  );
  const summaryItem = (path: string) => summaryItemFor(path, errorText(path) ?? '', values.links);

  const taken = () => {
    const first = initial?.authors[0];
    return [viewer.handle, ...(first && first.id !== viewer.id ? [first.handle] : [])];
  };

  return (
    <div class="editor-page">
      <header class="page-header editor-header">
        <p class="editor-kicker">
          <StatusChip status={status()} />
          <Show when={practiceId()}>
            {(id) => (
              <A href={practiceHref(id())} class="editor-view-link">
                {t('practiceEditor.view')}
                <span aria-hidden="true"> →</span>
              </A>
            )}
          </Show>
        </p>
        <h1 id="page-title">{initial ? t('practiceEditor.editTitle') : t('practiceEditor.newTitle')}</h1>
        <Show when={status() === 'DRAFT' || status() === 'RETURNED'}>
          <p class="lead">{t('practiceEditor.intro')}</p>
        </Show>
      </header>

      <Switch>
        <Match when={status() === 'PUBLISHED'}>
          <div class="status-panel is-waiting editor-mode-note">
            <p>{te('editorNote', version())}</p>
            <Show when={initial?.pendingEdit?.submittedAt}>
              <p>{te('editorWaitingNote')}</p>
            </Show>
            <Show when={!initial?.pendingEdit?.submittedAt && initial?.pendingEdit?.returnReason}>
              {(reason) => (
                <p lang="vi" class="request-statement">
                  {te('editorReturnedNote', reason())}
                </p>
              )}
            </Show>
          </div>
        </Match>
        <Match when={status() === 'SUBMITTED'}>
          <div class="status-panel editor-mode-note">
            <p>{t('practiceEditor.submittedNote')}</p>
          </div>
        </Match>
        <Match when={status() === 'RETURNED' && initial?.returnReason}>
          <div class="status-panel is-declined editor-mode-note">
            <p lang="vi" class="request-statement">
              {t('practiceEditor.returnedNote', initial!.returnReason)}
            </p>
          </div>
        </Match>
      </Switch>

      <form
        class="form editor-form"
        novalidate
        ref={form}
        aria-labelledby="page-title"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(event) => {
          // Enter in a one-line field is not "submit for review": only the button sends it.
          const target = event.target as HTMLElement;
          if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio') event.preventDefault();
        }}
      >
        <Show when={summaryShown() && summaryKeys().length}>
          <ErrorSummary id="practice-problems" title={t('errorSummary.practiceTitle')} keys={summaryKeys} item={summaryItem} ref={(element) => (summary = element)} />
        </Show>
        <BasicsSection editor={editor} errorText={errorText} />
        <ContentSection editor={editor} errorText={errorText} />
        <ContextSection editor={editor} errorText={errorText} />
        <ReuseSection editor={editor} errorText={errorText} />
        <MoreSection editor={editor} errorText={errorText} taken={taken()} pending={initial?.invitedAuthors.map((invited) => invited.handle) ?? []} />
        <EditorBar editor={editor} submitFlow={submitFlow} />
      </form>
    </div>
  );
}
