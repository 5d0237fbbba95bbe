import './collection-editor.css';
import { A, createAsync, useNavigate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, SubmitButton, TextField } from '../../components/form-field.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import type { FormProblem } from '../../lib/form.ts';
import { canCurate } from '../account/account.api.ts';
import { StaffOnly } from '../staff/staff-layout.tsx';
import { COLLECTION_LIMITS } from '../../../../schema/field-limits.ts';
import { type AdminCollectionRow, collectionEditorHref, createCollection, getAdminCollections } from './collection-admin.api.ts';
import { collectionFieldError, ct } from './collection-editor-text.ts';

const groups = ['draft', 'published', 'archived'] as const;
const statusOfGroup = { draft: 'DRAFT', published: 'PUBLISHED', archived: 'ARCHIVED' } as const;

/** /staff/collections: every collection by state, and a new one (curators and admins). */
export default function CollectionAdminPage() {
  return (
    <StaffOnly allowed={canCurate}>
      <DocumentTitle text={`${t('nav.collections')} · ${t('staff.title')}`} />
      <div class="collection-admin">
        <NewCollectionForm />
        <CollectionGroups />
      </div>
    </StaffOnly>
  );
}

function NewCollectionForm() {
  const navigate = useNavigate();
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<FormProblem>();
  let form: HTMLFormElement | undefined;

  const submit = async () => {
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const slug = String(data.get('slug') ?? '').trim();
    setPending(true);
    const outcome = await createCollection(slug ? { title, slug } : { title });
    setPending(false);
    if (outcome.ok) {
      navigate(collectionEditorHref(outcome.data.collection.slug));
      return;
    }
    setProblem(outcome.problem);
    queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert')?.focus());
  };

  return (
    <section class="card" aria-labelledby="new-collection-heading">
      <h2 id="new-collection-heading" class="card-title">
        {ct('newHeading')}
      </h2>
      <p class="card-intro">{ct('intro')}</p>
      <form
        class="form collection-new-form"
        novalidate
        ref={form}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FormAlert problem={problem()?.form?.code === 'VALIDATION_FAILED' ? undefined : problem()} />
        <TextField id="new-collection-title" name="title" label={ct('title')} maxLength={COLLECTION_LIMITS.title} lang="vi" error={collectionFieldError('title', problem()?.fields.title)} />
        <TextField id="new-collection-slug" name="slug" label={ct('slug')} hint={ct('slugHint')} optional spellcheck={false} error={collectionFieldError('slug', problem()?.fields.slug)} />
        <div class="button-row">
          <SubmitButton pending={pending()} label={ct('create')} pendingLabel={ct('creating')} />
        </div>
      </form>
    </section>
  );
}

function CollectionGroups() {
  const collections = createAsync(() => getAdminCollections());
  return (
    <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
      <Show when={collections()}>
        {(loaded) => (
          <For each={groups}>
            {(group) => (
              <section class="card" aria-labelledby={`collections-${group}`}>
                <h2 id={`collections-${group}`} class="card-title">
                  {ct(`status.${statusOfGroup[group]}`)} <span class="muted">({loaded()[group].length})</span>
                </h2>
                <Show when={loaded()[group].length} fallback={<p class="empty-note">{ct('emptyGroup')}</p>}>
                  <ul class="queue-list">
                    <For each={loaded()[group]}>{(collection) => <CollectionRow collection={collection} />}</For>
                  </ul>
                </Show>
              </section>
            )}
          </For>
        )}
      </Show>
    </Suspense>
  );
}

function CollectionRow(props: { collection: AdminCollectionRow }) {
  const hidden = () => props.collection.items.filter((item) => !item.shownToPublic).length;
  return (
    <li class="queue-item collection-admin-row">
      <div>
        <h3 class="queue-item-name" lang="vi">
          <A href={collectionEditorHref(props.collection.slug)} aria-label={ct('editLabel', props.collection.title)}>
            {props.collection.title}
          </A>
        </h3>
        <p class="queue-item-meta">
          <Show when={props.collection.edition}>
            <span lang="vi">{props.collection.edition}</span>
          </Show>
          <span>{ct('itemCount', props.collection.items.length)}</span>
          <Show when={hidden()}>
            <span class="collection-admin-warning">{ct('hiddenCount', hidden())}</span>
          </Show>
          <span>{ct('updated', formatDate(props.collection.updatedAt))}</span>
        </p>
      </div>
    </li>
  );
}
