import { For, Show } from 'solid-js';
import { TextField } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { CoAuthorField } from './co-author-field.tsx';
import type { SectionProps } from './practice-editor-sections.tsx';
import type { LinkRow } from './practice-draft.ts';
import { PRACTICE_LIMITS } from './practice-params.ts';
import { WEB_ADDRESS_MAX } from '../../../../schema/field-limits.ts';

/* The practice editor's last group of fields: links to read more (rows added and removed), and the co-authors. */

export function MoreSection(
  props: SectionProps & {
    /** The handles that cannot be added as co-authors: they are authors already. */
    taken: string[];
    form: () => HTMLFormElement | undefined;
  },
) {
  const { values, setValues, setField, edited } = props.editor;
  const errorText = (path: string) => props.errorText(path);
  const form = () => props.form();

  let nextLinkKey = values.links.length;
  const addLink = () => {
    const key = `n${nextLinkKey++}`;
    setValues('links', (rows) => [...rows, { key, label: '', url: '' }]);
    queueMicrotask(() => form()?.querySelector<HTMLInputElement>(`#link-${key}-label`)?.focus());
  };
  const removeLink = (key: string, index: number) => {
    setValues('links', (rows) => rows.filter((row) => row.key !== key));
    edited('links');
    queueMicrotask(() => {
      const rows = form()?.querySelectorAll<HTMLInputElement>('.link-row input[id$="-label"]');
      (rows?.[index] ?? rows?.[index - 1] ?? form()?.querySelector<HTMLButtonElement>('.link-add'))?.focus();
    });
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
        <Show when={values.links.length} fallback={<p class="muted">{t('profileForm.noLinks')}</p>}>
          <ol class="link-rows" aria-labelledby="practice-links-label">
            <For each={values.links}>
              {(row, index) => (
                <li class="link-row">
                  <fieldset>
                    <legend class="visually-hidden">{t('profileForm.linkGroup', index() + 1)}</legend>
                    <TextField
                      id={`link-${row.key}-label`}
                      name={`links.${row.key}.label`}
                      label={t('profileForm.linkLabel')}
                      value={row.label}
                      maxLength={PRACTICE_LIMITS.linkLabel}
                      lang="vi"
                      onInput={(value) => setLink(index(), 'label', value)}
                      error={errorText(`links.${row.key}.label`)}
                    />
                    <TextField
                      id={`link-${row.key}-url`}
                      name={`links.${row.key}.url`}
                      type="url"
                      label={t('profileForm.linkUrl')}
                      value={row.url}
                      inputMode="url"
                      spellcheck={false}
                      maxLength={WEB_ADDRESS_MAX}
                      onInput={(value) => setLink(index(), 'url', value)}
                      error={errorText(`links.${row.key}.url`)}
                    />
                  </fieldset>
                  <button type="button" class="button button-quiet link-remove" onClick={() => removeLink(row.key, index())}>
                    {t('profileForm.removeLink', index() + 1)}
                  </button>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={errorText('links')}>{(message) => <p class="field-error">{message()}</p>}</Show>
        <Show when={values.links.length < PRACTICE_LIMITS.links}>
          <button type="button" class="button button-secondary link-add" onClick={addLink}>
            <span aria-hidden="true">+</span> {t('profileForm.addLink')}
          </button>
        </Show>
      </div>

      <CoAuthorField
        id="practice-co-authors"
        value={values.coAuthors}
        taken={props.taken}
        onChange={(handles) => setField('coAuthors', handles)}
        errorFor={(handle) => errorText(`coAuthors.${handle}`)}
        error={errorText('coAuthors')}
      />
    </fieldset>
  );
}
