import { For, Index, Show } from 'solid-js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { OrganizationSelect } from '../organization/organization-select.tsx';
import { PlaceSelect } from '../place/place-select.tsx';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { MarkdownField } from './markdown-field.tsx';
import type { PracticeAutosave } from './practice-autosave.ts';
import { latestYear, PRACTICE_LIMITS, STAGES } from './practice-params.ts';

/* The practice editor's groups of fields: the basics, the content, and the context. */

/** What each group of fields gets: the editor's state, and the message for a field in error. */
export interface SectionProps {
  editor: PracticeAutosave;
  errorText: (path: string) => string | undefined;
}

const years = () => Array.from({ length: latestYear() - PRACTICE_LIMITS.yearMin + 1 }, (_, i) => latestYear() - i);

export function BasicsSection(props: SectionProps) {
  const { values, setField } = props.editor;
  const errorText = (path: string) => props.errorText(path);
  return (
    <fieldset class="form-section editor-section">
      <legend>{t('practiceEditor.basics')}</legend>
      <TextField
        id="practice-title"
        name="title"
        label={t('practiceEditor.title')}
        hint={t('practiceEditor.titleHint')}
        value={values.title}
        maxLength={PRACTICE_LIMITS.title}
        lang="vi"
        onInput={(value) => setField('title', value)}
        error={errorText('title')}
      />
      <TextAreaField
        id="practice-summary"
        name="summary"
        label={t('practiceEditor.summary')}
        hint={t('practiceEditor.summaryHint')}
        value={values.summary}
        rows={3}
        maxLength={PRACTICE_LIMITS.summary}
        lang="vi"
        onInput={(value) => setField('summary', value)}
        error={errorText('summary')}
      />
    </fieldset>
  );
}

export function ContentSection(props: SectionProps) {
  const { values, setField } = props.editor;
  const errorText = (path: string) => props.errorText(path);
  return (
    <fieldset class="form-section editor-section editor-section-wide" aria-describedby="practice-markdown-hint">
      <legend>{t('practiceEditor.content')}</legend>
      <p id="practice-markdown-hint" class="field-hint editor-section-hint">
        {t('practiceEditor.markdownHint')}
      </p>
      <MarkdownField
        id="practice-problem"
        label={t('practiceEditor.problem')}
        hint={t('practiceEditor.problemHint')}
        value={values.problem}
        maxLength={PRACTICE_LIMITS.markdown}
        formatHintId="practice-markdown-hint"
        onInput={(value) => setField('problem', value)}
        error={errorText('problem')}
      />
      <MarkdownField
        id="practice-solution"
        label={t('practiceEditor.solution')}
        hint={t('practiceEditor.solutionHint')}
        value={values.solution}
        rows={10}
        maxLength={PRACTICE_LIMITS.markdown}
        formatHintId="practice-markdown-hint"
        onInput={(value) => setField('solution', value)}
        error={errorText('solution')}
      />
      <MarkdownField
        id="practice-results"
        label={t('practiceEditor.results')}
        hint={t('practiceEditor.resultsHint')}
        value={values.results}
        maxLength={PRACTICE_LIMITS.markdown}
        formatHintId="practice-markdown-hint"
        onInput={(value) => setField('results', value)}
        error={errorText('results')}
      />
      <MarkdownField
        id="practice-lessons"
        label={t('practiceEditor.lessons')}
        hint={t('practiceEditor.lessonsHint')}
        value={values.lessons}
        rows={6}
        optional
        maxLength={PRACTICE_LIMITS.markdown}
        formatHintId="practice-markdown-hint"
        onInput={(value) => setField('lessons', value)}
        error={errorText('lessons')}
      />
    </fieldset>
  );
}

export function ContextSection(props: SectionProps) {
  const { values, setField } = props.editor;
  const errorText = (path: string) => props.errorText(path);
  return (
    <fieldset class="form-section editor-section">
      <legend>{t('practiceEditor.context')}</legend>
      <div class="editor-pair">
        <PlaceSelect id="practice-place" name="place" value={values.place} optional={false} onChange={(code) => setField('place', code)} error={errorText('place')} />
        <OrganizationSelect
          id="practice-organization"
          name="organization"
          place={values.place}
          value={values.organization}
          optional={false}
          onChange={(slug) => setField('organization', slug)}
          error={errorText('organization')}
        />
      </div>

      <fieldset
        id="practice-stage"
        class="field checkbox-field stage-field"
        classList={{ 'has-error': Boolean(errorText('stage')) }}
        aria-describedby={errorText('stage') ? 'practice-stage-error' : undefined}
      >
        <legend>{t('practiceEditor.stage')}</legend>
        <ul class="stage-options">
          <For each={STAGES}>
            {(stage) => (
              <li>
                <label class="stage-option">
                  <input type="radio" name="stage" value={stage} checked={values.stage === stage} aria-invalid={errorText('stage') ? 'true' : undefined} onChange={() => setField('stage', stage)} />
                  <span>
                    <span class="stage-option-name">{t(`practice.stage.${stage}`)}</span>
                    <span class="stage-option-hint">{t(`practice.stageHint.${stage}`)}</span>
                  </span>
                </label>
              </li>
            )}
          </For>
        </ul>
        <Show when={errorText('stage')}>
          {(message) => (
            <p id="practice-stage-error" class="field-error">
              {message()}
            </p>
          )}
        </Show>
      </fieldset>

      <div class="editor-year">
        <SelectField id="practice-year" name="year" label={t('practiceEditor.year')} error={errorText('year')} onChange={(year) => setField('year', year)}>
          <option value="" selected={!values.year}>
            {t('practiceEditor.noYear')}
          </option>
          <Index each={years()}>
            {(year) => (
              <option value={String(year())} selected={String(year()) === values.year}>
                {year()}
              </option>
            )}
          </Index>
        </SelectField>
      </div>

      <TopicCheckboxes
        id="practice-topics"
        name="topics"
        value={values.topics}
        max={PRACTICE_LIMITS.topics}
        legend={t('practiceEditor.topics')}
        hint={(chosen) => t('practiceEditor.topicsHint', chosen)}
        optional={false}
        onChange={(slugs) => setField('topics', slugs)}
        error={errorText('topics')}
      />
    </fieldset>
  );
}
