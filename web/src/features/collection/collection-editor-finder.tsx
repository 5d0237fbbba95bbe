import { type Accessor, createSignal, For, Show } from 'solid-js';
import { formErrorText } from '../../lib/form.ts';
import { COLLECTION_LIMITS } from '../../../../schema/field-limits.ts';
import { addCollectionItem, type EditedCollection, type PracticeChoice } from './collection-admin.api.ts';
import { createPracticeSearch } from './practice-search.ts';
import { focusLater } from './collection-editor-items.tsx';
import { ct } from './collection-editor-text.ts';

/** Finds published practices by a few words and adds the one chosen at the end of the list. */
export function PracticeFinder(props: { collection: Accessor<EditedCollection>; adopt: (collection: EditedCollection) => void }) {
  const [text, setText] = createSignal('');
  const { results, state, type } = createPracticeSearch();
  const [message, setMessage] = createSignal('');
  const [adding, setAdding] = createSignal<string>();
  const inCollection = () => new Set(props.collection().items.map((item) => item.practice?.id));

  const add = async (practice: PracticeChoice) => {
    setAdding(practice.id);
    const outcome = await addCollectionItem(props.collection().id, practice.id, '');
    setAdding(undefined);
    if (!outcome.ok) {
      const code = outcome.problem.fields.practiceId;
      setMessage(
        code === 'DUPLICATE'
          ? ct('duplicate')
          : code === 'NOT_PUBLISHED'
            ? ct('notPublished')
            : code === 'TOO_MANY'
              ? ct('tooMany', COLLECTION_LIMITS.items)
              : formErrorText(outcome.problem.form ?? { code: 'UNKNOWN' }),
      );
      return;
    }
    props.adopt(outcome.data);
    const added = outcome.data.items.find((item) => item.practice?.id === practice.id);
    setMessage(ct('added', practice.title, outcome.data.items.length));
    // Next: why it was chosen.
    if (added) focusLater(`item-${added.id}-note`);
  };

  return (
    <section class="card" aria-labelledby="collection-add-heading">
      <h3 id="collection-add-heading" class="card-title">
        {ct('addHeading')}
      </h3>
      <div class="field">
        <label for="collection-practice-search">{ct('search')}</label>
        <p id="collection-practice-search-hint" class="field-hint">
          {ct('searchHint')}
        </p>
        <input
          id="collection-practice-search"
          type="search"
          lang="vi"
          autocomplete="off"
          aria-describedby="collection-practice-search-hint"
          aria-controls="collection-practice-results"
          value={text()}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            type(value);
          }}
        />
      </div>
      <p class="collection-announcement" role="status" aria-live="polite">
        {state() === 'searching' ? ct('searching') : state() === 'failed' ? ct('searchFailed') : results()?.length === 0 ? ct('noMatch') : message()}
      </p>
      <ul id="collection-practice-results" class="collection-search-results">
        <For each={results() ?? []}>
          {(practice) => (
            <li class="collection-search-result">
              <div>
                <p lang="vi">{practice.title}</p>
                <p class="muted" lang="vi">
                  {[practice.organization?.shortName || practice.organization?.name, practice.place?.name].filter(Boolean).join(' · ')}
                </p>
              </div>
              <Show when={!inCollection().has(practice.id)} fallback={<span class="muted">{ct('inCollection')}</span>}>
                <button type="button" class="button button-small" disabled={adding() === practice.id} aria-label={ct('addLabel', practice.title)} onClick={() => void add(practice)}>
                  {ct('add')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
