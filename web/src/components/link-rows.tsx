import { For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { WEB_ADDRESS_MAX } from '../../../schema/field-limits.ts';
import { TextField } from './form-field.tsx';

/** One row of a links editor; `key` stays with the row as rows come and go. */
export interface LinkRow {
  key: string;
  label: string;
  url: string;
}

/**
 * The rows of a links editor (a label and an address each), with "add" and "remove": a
 * profile's links and a practice's. Fields are named `links.<key>.label|url`, as the field
 * errors are; focus follows the rows (a new row's label, or the next row when one is removed).
 */
export function LinkRows(props: {
  rows: readonly LinkRow[];
  labelMax: number;
  maxRows: number;
  /** The id of the element naming the list, when its group has no legend. */
  labelledBy?: string;
  errorFor: (path: string) => string | undefined;
  /** Adds an empty row at the end and says its key. */
  onAdd: () => string;
  onRemove: (key: string) => void;
  /** Told each change as it is typed, for an editor that keeps the values itself. */
  onInput?: (index: number, part: 'label' | 'url', value: string) => void;
}) {
  let list: HTMLOListElement | undefined;
  let addButton: HTMLButtonElement | undefined;

  const add = () => {
    const key = props.onAdd();
    queueMicrotask(() => document.getElementById(`link-${key}-label`)?.focus());
  };
  const remove = (key: string, index: number) => {
    props.onRemove(key);
    // Focus stays in the list: on the next row's first field, the previous one's, or on "add".
    queueMicrotask(() => {
      const labels = list?.isConnected ? list.querySelectorAll<HTMLInputElement>('input[id$="-label"]') : undefined;
      (labels?.[index] ?? labels?.[index - 1] ?? addButton)?.focus();
    });
  };

  return (
    <>
      <Show when={props.rows.length} fallback={<p class="muted">{t('profileForm.noLinks')}</p>}>
        <ol class="link-rows" aria-labelledby={props.labelledBy} ref={list}>
          <For each={props.rows}>
            {(row, index) => (
              <li class="link-row">
                <fieldset>
                  <legend class="visually-hidden">{t('profileForm.linkGroup', index() + 1)}</legend>
                  <TextField
                    id={`link-${row.key}-label`}
                    name={`links.${row.key}.label`}
                    label={t('profileForm.linkLabel')}
                    value={row.label}
                    maxLength={props.labelMax}
                    lang="vi"
                    onInput={props.onInput && ((value) => props.onInput?.(index(), 'label', value))}
                    error={props.errorFor(`links.${row.key}.label`)}
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
                    onInput={props.onInput && ((value) => props.onInput?.(index(), 'url', value))}
                    error={props.errorFor(`links.${row.key}.url`)}
                  />
                </fieldset>
                <button type="button" class="button button-quiet link-remove" onClick={() => remove(row.key, index())}>
                  {t('profileForm.removeLink', index() + 1)}
                </button>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.errorFor('links')}>{(message) => <p class="field-error">{message()}</p>}</Show>
      <Show when={props.rows.length < props.maxRows}>
        <button type="button" class="button button-secondary link-add" onClick={add} ref={addButton}>
          <span aria-hidden="true">+</span> {t('profileForm.addLink')}
        </button>
      </Show>
    </>
  );
}
