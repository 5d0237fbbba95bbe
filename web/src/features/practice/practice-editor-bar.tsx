import { Match, Show, Switch } from 'solid-js';
import { formatTime, t } from '../../i18n/i18n.ts';
import { formErrorText, type FormProblem } from '../../lib/form.ts';
import type { PracticeAutosave, SavePhase } from './practice-autosave.ts';
import type { PracticeSubmit } from './practice-submit.ts';
import { te } from '../review/edit-review-text.ts';

/* The bar under the practice editor: where saving stands, the submit button, and what came of a submit. */

export function EditorBar(props: { editor: PracticeAutosave; submitFlow: PracticeSubmit }) {
  const { practiceId, phase, hasTitle, unsaved, hasPartialLinks, refused, savedAt, saveProblem, saveNow, status } = props.editor;
  const { submitting, submitNotice, versionNotice } = props.submitFlow;
  return (
    <div class="editor-bar" role="group" aria-label={t('practiceEditor.actions')}>
      <div class="editor-bar-inner">
        <SaveStatus
          phase={phase()}
          waitingForTitle={practiceId() === null && !hasTitle()}
          unsaved={unsaved() || hasPartialLinks()}
          refused={refused().size > 0}
          savedAt={savedAt()}
          problem={saveProblem()}
          onRetry={() => void saveNow()}
        />
        <div class="editor-bar-actions">
          <Show when={status() !== 'SUBMITTED'}>
            <button type="submit" class="button" disabled={submitting()} aria-describedby="editor-submit-hint">
              {submitting() ? t('practiceEditor.submitting') : status() === 'PUBLISHED' ? te('submitEdit') : t('practiceEditor.submit')}
            </button>
          </Show>
        </div>
      </div>
      <Show when={submitNotice()}>
        {(notice) => (
          <div class="form-alert is-error editor-notice" role="alert" tabindex="-1">
            <p>{notice().kind === 'fixFirst' ? t('practiceEditor.fixFirst') : formErrorText((notice() as { form: NonNullable<FormProblem['form']> }).form)}</p>
          </div>
        )}
      </Show>
      <Show when={versionNotice()}>
        {(message) => (
          <div class="form-alert is-success editor-notice" role="status" tabindex="-1">
            <p>{message()}</p>
          </div>
        )}
      </Show>
      <Show when={status() === 'DRAFT' || status() === 'RETURNED'}>
        <p id="editor-submit-hint" class="field-hint editor-bar-hint">
          {t('practiceEditor.submitHint')}
        </p>
      </Show>
    </div>
  );
}

/** Where the draft stands: waiting for a title, unsaved, saving, saved at a time, or not saved. */
function SaveStatus(props: { phase: SavePhase; waitingForTitle: boolean; unsaved: boolean; refused: boolean; savedAt: Date | undefined; problem: FormProblem['form']; onRetry: () => void }) {
  return (
    <div class="save-status" aria-live="polite">
      <Switch>
        <Match when={props.phase === 'saving'}>
          <p class="save-status-text is-saving">
            <span class="save-dot" aria-hidden="true" />
            {t('practiceEditor.saving')}
          </p>
        </Match>
        <Match when={props.phase === 'failed'}>
          <p class="save-status-text is-failed">
            {props.problem && props.problem.code !== 'UNKNOWN' ? formErrorText(props.problem) : t('practiceEditor.saveFailed')}{' '}
            <button type="button" class="button-link" onClick={() => props.onRetry()}>
              {t('practiceEditor.retry')}
            </button>
          </p>
        </Match>
        <Match when={props.refused}>
          <p class="save-status-text is-failed">{t('practiceEditor.fieldsNotSaved')}</p>
        </Match>
        <Match when={props.waitingForTitle}>
          <p class="save-status-text">{t('practiceEditor.waitingForTitle')}</p>
        </Match>
        <Match when={props.unsaved}>
          <p class="save-status-text">{t('practiceEditor.unsaved')}</p>
        </Match>
        <Match when={props.savedAt}>
          {(at) => (
            <p class="save-status-text is-saved">
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              {t('practiceEditor.saved', formatTime(at()))}
            </p>
          )}
        </Match>
      </Switch>
    </div>
  );
}
