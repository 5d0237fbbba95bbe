import { A } from '@solidjs/router';
import { type Accessor, createEffect, createSignal, For, on, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { formErrorText, type FormProblem, type Outcome } from '../../lib/form.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { COLLECTION_LIMITS } from '../../../../schema/field-limits.ts';
import { type EditedCollection, type EditedItem, removeCollectionItem, reorderCollectionItems, updateCollectionItem } from './collection-admin.api.ts';
import { collectionFieldError, ct } from './collection-editor-text.ts';

/* The practices of a collection in order: notes, moves by button (mouse or keyboard) or by dragging, removal. */

interface ItemsProps {
  collection: Accessor<EditedCollection>;
  adopt: (collection: EditedCollection) => void;
  onProblem: (problem: FormProblem) => void;
}

const titleOf = (item: EditedItem) => item.practice?.title ?? ct('unreadable');

/** What a dragged row carries: its position (a type of our own, so text dragged from elsewhere is not taken for a row). */
const DRAG_TYPE = 'application/x-collection-item';

/** Focus once the list has been redrawn (a moved row is taken out and put back, which drops focus). */
export const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export function CollectionItemsEditor(props: ItemsProps) {
  // Rows keyed by item id, so a row keeps its place in the page (and a note being typed) when the server's answer comes in.
  const [items, setItems] = createStore<EditedItem[]>([]);
  const [announcement, setAnnouncement] = createSignal('');
  let reorders = Promise.resolve();
  let reordersPending = 0;
  createEffect(
    on(props.collection, (collection) => {
      // The server's order waits while moves of ours are still on their way.
      if (reordersPending === 0) setItems(reconcile(collection.items, { key: 'id' }));
    }),
  );

  /** Moves the item at `from` to `to` (a button's step or a drop), says where it now is, and saves the new order. */
  const moveTo = (from: number, to: number, focusId?: (id: string) => string) => {
    const item = items[from];
    if (!item) return;
    if (to < 0 || to >= items.length || to === from) {
      setAnnouncement(ct('atEdge', titleOf(item), from + 1, items.length));
      return;
    }
    const order = [...items];
    order.splice(from, 1);
    order.splice(to, 0, item);
    setItems(reconcile(order, { key: 'id' }));
    setAnnouncement(ct('moved', titleOf(item), to + 1, order.length));
    if (focusId) focusLater(focusId(item.id));
    // One move at a time, in the order made: each sends the whole order as it then stood.
    reordersPending++;
    const ids = order.map((entry) => entry.id);
    reorders = reorders.then(async () => {
      const outcome = await reorderCollectionItems(props.collection().id, ids);
      reordersPending--;
      if (outcome.ok) props.adopt(outcome.data);
      else {
        setAnnouncement(outcome.problem.form?.code === 'VALIDATION_FAILED' ? ct('listChanged') : formErrorText(outcome.problem.form ?? { code: 'UNKNOWN' }));
        props.onProblem(outcome.problem);
        // Back to the order the server holds.
        if (reordersPending === 0) setItems(reconcile(props.collection().items, { key: 'id' }));
      }
    });
  };

  const remove = async (item: EditedItem) => {
    const outcome = await removeCollectionItem(props.collection().id, item.id);
    if (!outcome.ok) {
      setAnnouncement(formErrorText(outcome.problem.form ?? { code: 'UNKNOWN' }));
      props.onProblem(outcome.problem);
      return;
    }
    props.adopt(outcome.data);
    setAnnouncement(ct('removed', titleOf(item)));
    focusLater('collection-items-heading');
  };

  return (
    <section class="card" aria-labelledby="collection-items-heading">
      <h3 id="collection-items-heading" class="card-title" tabindex="-1">
        {ct('itemsHeading')} <span class="muted">({items.length})</span>
      </h3>
      <p class="card-intro">{ct('itemsHint')}</p>
      <p class="collection-announcement" role="status" aria-live="polite">
        {announcement()}
      </p>
      <Show when={items.length} fallback={<p class="empty-note">{ct('noItems')}</p>}>
        <ol class="collection-edit-items">
          <For each={items}>
            {(item, index) => (
              <ItemRow
                item={item}
                index={index()}
                count={items.length}
                collectionId={props.collection().id}
                version={props.collection().version}
                onMove={(by) => moveTo(index(), index() + by, (id) => `item-${id}-${by < 0 ? 'up' : 'down'}`)}
                onDrop={(from) => moveTo(from, index())}
                onRemove={() => void remove(item)}
                onSaved={(collection) => {
                  props.adopt(collection);
                  setAnnouncement(ct('noteSaved', titleOf(item)));
                }}
                onProblem={props.onProblem}
              />
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function ItemRow(props: {
  item: EditedItem;
  index: number;
  count: number;
  collectionId: string;
  /** The collection's version as last answered, which a note is saved against. */
  version: number;
  onMove: (by: -1 | 1) => void;
  /** An item dragged from position `from` was dropped on this one. */
  onDrop: (from: number) => void;
  onRemove: () => void;
  onSaved: (collection: EditedCollection) => void;
  onProblem: (problem: FormProblem) => void;
}) {
  const [note, setNote] = createSignal(props.item.note);
  const [dropTarget, setDropTarget] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<FormProblem>();
  const noteId = () => `item-${props.item.id}-note`;
  const title = () => titleOf(props.item);
  const noteError = () => {
    const fields = problem()?.fields;
    if (fields?.note) return collectionFieldError('note', fields.note);
    return problem()?.form ? formErrorText(problem()!.form!) : undefined;
  };

  const saveNote = async () => {
    setPending(true);
    const outcome: Outcome<EditedCollection> = await updateCollectionItem(props.collectionId, props.item.id, note().trim(), props.version);
    setPending(false);
    if (outcome.ok) {
      setProblem(undefined);
      props.onSaved(outcome.data);
    } else {
      setProblem(outcome.problem);
      props.onProblem(outcome.problem);
    }
  };

  return (
    <li
      class="collection-edit-item"
      classList={{ 'is-hidden-from-public': !props.item.shownToPublic, 'is-drop-target': dropTarget() }}
      onDragOver={(event) => {
        if (!event.dataTransfer?.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={(event) => {
        setDropTarget(false);
        const from = Number(event.dataTransfer?.getData(DRAG_TYPE));
        if (!event.dataTransfer?.types.includes(DRAG_TYPE) || !Number.isInteger(from)) return;
        event.preventDefault();
        props.onDrop(from);
      }}
    >
      <div class="collection-edit-item-head">
        {/* The mouse's way to reorder; the keyboard's is the Up and Down buttons, so the handle is left out of the accessibility tree. */}
        <span
          class="collection-drag-handle"
          draggable="true"
          aria-hidden="true"
          title={ct('dragHint')}
          onDragStart={(event) => {
            event.dataTransfer?.setData(DRAG_TYPE, String(props.index));
            if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
            const row = event.currentTarget.closest('li');
            if (row) event.dataTransfer?.setDragImage(row, 16, 16);
          }}
        >
          ⠿
        </span>
        <span class="collection-edit-position" aria-hidden="true">
          {ct('position', props.index + 1, props.count)}
        </span>
        <div class="collection-edit-practice">
          <p class="collection-edit-practice-title" lang="vi">
            <Show when={props.item.practice} fallback={title()}>
              {(practice) => <A href={practiceHref(practice().id)}>{practice().title}</A>}
            </Show>
          </p>
          <Show when={props.item.practice?.organization?.name ?? props.item.practice?.place?.name}>
            <p class="muted" lang="vi">
              {[props.item.practice?.organization?.shortName || props.item.practice?.organization?.name, props.item.practice?.place?.name].filter(Boolean).join(' · ')}
            </p>
          </Show>
          <Show when={!props.item.shownToPublic}>
            <p class="collection-admin-warning">{ct('notShown')}</p>
          </Show>
        </div>
        <div class="collection-edit-moves" role="group" aria-label={title()}>
          {/* aria-disabled, not disabled: a button that stops working at the end of the list keeps its focus. */}
          <button
            type="button"
            id={`item-${props.item.id}-up`}
            class="button button-small button-secondary"
            aria-label={ct('upLabel', title())}
            aria-disabled={props.index === 0 ? 'true' : undefined}
            onClick={() => props.onMove(-1)}
          >
            <span aria-hidden="true">↑ </span>
            {ct('up')}
          </button>
          <button
            type="button"
            id={`item-${props.item.id}-down`}
            class="button button-small button-secondary"
            aria-label={ct('downLabel', title())}
            aria-disabled={props.index === props.count - 1 ? 'true' : undefined}
            onClick={() => props.onMove(1)}
          >
            <span aria-hidden="true">↓ </span>
            {ct('down')}
          </button>
          <button type="button" class="button button-small button-quiet" aria-label={ct('removeLabel', title())} onClick={() => props.onRemove()}>
            {ct('remove')}
          </button>
        </div>
      </div>
      <form
        class="collection-edit-note field"
        classList={{ 'has-error': Boolean(noteError()) }}
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void saveNote();
        }}
      >
        <label for={noteId()}>{ct('note')}</label>
        <textarea
          id={noteId()}
          rows={2}
          lang="vi"
          aria-label={ct('noteFor', title())}
          aria-invalid={noteError() ? 'true' : undefined}
          aria-describedby={noteError() ? `${noteId()}-error` : undefined}
          value={props.item.note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
        <Show when={noteError()}>
          <p id={`${noteId()}-error`} class="field-error">
            {noteError()}
          </p>
        </Show>
        <div class="button-row">
          <button type="submit" class="button button-small" disabled={pending()} aria-label={`${ct('saveNote')}: ${title()}`}>
            {ct('saveNote')}
          </button>
          <span class="field-count" aria-hidden="true" classList={{ 'is-over': note().length > COLLECTION_LIMITS.note }}>
            {note().length}/{COLLECTION_LIMITS.note}
          </span>
        </div>
      </form>
    </li>
  );
}
