import { For } from 'solid-js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.tsx';
import { rt } from './practice-reuse-text.ts';
import { MarkdownField } from './markdown-field.tsx';
import type { SectionProps } from './practice-editor-sections.tsx';
import { COST_BANDS, LEVELS, PRACTICE_LIMITS, type PracticeCostBand, type PracticeLevel } from './practice-params.ts';
import { HANDLE_MAX } from '../../../../schema/field-limits.ts';

/**
 * The editor's "reuse" group: what another ministry or province needs to follow the practice
 * (level, cost, partners, who benefits, what failed, what replicating it takes, whom to ask).
 * All optional: a practice is submitted without them.
 */
export function ReuseSection(props: SectionProps) {
  const { values, setField } = props.editor;
  const errorText = (path: string) => props.errorText(path);
  return (
    <fieldset class="form-section editor-section editor-section-wide" aria-describedby="practice-reuse-hint">
      <legend>{rt('heading')}</legend>
      <p id="practice-reuse-hint" class="field-hint editor-section-hint">
        {rt('editorIntro')}
      </p>
      <div class="editor-pair">
        <SelectField id="practice-level" name="level" label={rt('levelLabel')} optional error={errorText('level')} onChange={(level) => setField('level', level as PracticeLevel | '')}>
          <option value="" selected={!values.level}>
            {rt('notChosen')}
          </option>
          <For each={LEVELS}>
            {(level) => (
              <option value={level} selected={values.level === level}>
                {rt(`level.${level}`)}
              </option>
            )}
          </For>
        </SelectField>
        <SelectField id="practice-cost" name="costBand" label={rt('costLabel')} optional error={errorText('costBand')} onChange={(band) => setField('costBand', band as PracticeCostBand | '')}>
          <option value="" selected={!values.costBand}>
            {rt('notChosen')}
          </option>
          <For each={COST_BANDS}>
            {(band) => (
              <option value={band} selected={values.costBand === band}>
                {rt(`cost.${band}`)}
              </option>
            )}
          </For>
        </SelectField>
      </div>
      <TextAreaField
        id="practice-partners"
        name="partners"
        label={rt('partners')}
        hint={rt('partnersHint', PRACTICE_LIMITS.partners)}
        optional
        value={values.partners}
        rows={3}
        maxLength={PRACTICE_LIMITS.partners * (PRACTICE_LIMITS.partnerName + 1)}
        lang="vi"
        onInput={(value) => setField('partners', value)}
        error={errorText('partners')}
      />
      <TextField
        id="practice-beneficiaries"
        name="beneficiaries"
        label={rt('beneficiaries')}
        hint={rt('beneficiariesHint')}
        optional
        value={values.beneficiaries}
        maxLength={PRACTICE_LIMITS.beneficiaries}
        lang="vi"
        onInput={(value) => setField('beneficiaries', value)}
        error={errorText('beneficiaries')}
      />
      <MarkdownField
        id="practice-challenges"
        label={rt('challenges')}
        hint={rt('challengesHint')}
        value={values.challenges}
        rows={5}
        optional
        maxLength={PRACTICE_LIMITS.markdown}
        formatHintId="practice-markdown-hint"
        onInput={(value) => setField('challenges', value)}
        error={errorText('challenges')}
      />
      <MarkdownField
        id="practice-conditions"
        label={rt('conditions')}
        hint={rt('conditionsHint')}
        value={values.conditions}
        rows={5}
        optional
        maxLength={PRACTICE_LIMITS.markdown}
        formatHintId="practice-markdown-hint"
        onInput={(value) => setField('conditions', value)}
        error={errorText('conditions')}
      />
      <TextField
        id="practice-contact"
        name="contact"
        label={rt('contact')}
        hint={rt('contactHint')}
        optional
        value={values.contact}
        maxLength={HANDLE_MAX + 1}
        autocomplete="off"
        spellcheck={false}
        onInput={(value) => setField('contact', value)}
        error={errorText('contact')}
      />
    </fieldset>
  );
}
