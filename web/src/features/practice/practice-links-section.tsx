import { LinkRows } from '../../components/link-rows.tsx';
import { t } from '../../i18n/i18n.ts';
import { CoAuthorField } from './co-author-field.tsx';
import type { SectionProps } from './practice-editor-sections.tsx';
import type { LinkRow } from './practice-draft.ts';
import { PRACTICE_LIMITS } from './practice-params.ts';

/* The practice editor's last group of fields: links to read more (rows added and removed), and the co-authors. */

export function MoreSection(
  props: SectionProps & {
    /** The handles that cannot be added as co-authors: they are authors already. */
    taken: string[];
    /** The handles invited and not answered yet. */
    pending: string[];
  },
) {
  const { values, setValues, setField, edited } = props.editor;
  const errorText = (path: string) => props.errorText(path);

  let nextLinkKey = values.links.length;
  const addLink = () => {
    const key = `n${nextLinkKey++}`;
    setValues('links', (rows) => [...rows, { key, label: '', url: '' }]);
    return key;
  };
  const removeLink = (key: string) => {
    setValues('links', (rows) => rows.filter((row) => row.key !== key));
    edited('links');
  };
  const setLink = (index: number, part: keyof Omit<LinkRow, 'key'>, value: string) => {
    setValues('links', index, part, value);
    edited('links');
  };

  return (
    <fieldset class="form-section editor-section">
      <legend>{t('practiceEditor.more')}</legend>
      <div class="field links-field" id="practice-links">
        <p class="field-label" id="practice-links-label">
          {t('practiceEditor.links')} <span class="field-optional">{t('form.optional')}</span>
        </p>
        <p class="field-hint">{t('practiceEditor.linksHint')}</p>
        <LinkRows
          rows={values.links}
          labelMax={PRACTICE_LIMITS.linkLabel}
          maxRows={PRACTICE_LIMITS.links}
          labelledBy="practice-links-label"
          errorFor={errorText}
          onAdd={addLink}
          onRemove={removeLink}
          onInput={setLink}
        />
      </div>

      <CoAuthorField
        id="practice-co-authors"
        value={values.coAuthors}
        taken={props.taken}
        pending={props.pending}
        onChange={(handles) => setField('coAuthors', handles)}
        errorFor={(handle) => errorText(`coAuthors.${handle}`)}
        error={errorText('coAuthors')}
      />
    </fieldset>
  );
}
