import { type Accessor, createSignal, Match, Show, Switch } from 'solid-js';
import { formatDate } from '../../i18n/i18n.ts';
import { formErrorText, type FormProblem } from '../../lib/form.ts';
import { archiveCollection, type EditedCollection, publishCollection } from './collection-admin.api.ts';
import { ct } from './collection-editor-text.ts';

/** Publishing and archiving, each asked to be confirmed first: the public sees the result at once. */
export function CollectionStatusPanel(props: { collection: Accessor<EditedCollection>; adopt: (collection: EditedCollection) => void; onProblem: (problem: FormProblem) => void }) {
  const [asking, setAsking] = createSignal<'publish' | 'archive'>();
  const [pending, setPending] = createSignal(false);
  const [message, setMessage] = createSignal<{ text: string; error: boolean }>();
  const status = () => props.collection().status;

  const ask = (what: 'publish' | 'archive') => {
    setMessage(undefined);
    setAsking(what);
    requestAnimationFrame(() => document.getElementById('collection-confirm')?.focus());
  };
  const cancel = (what: 'publish' | 'archive') => {
    setAsking(undefined);
    requestAnimationFrame(() => document.getElementById(`collection-${what}`)?.focus());
  };
  const confirm = async (what: 'publish' | 'archive') => {
    setPending(true);
    const outcome = await (what === 'publish' ? publishCollection : archiveCollection)(props.collection().id);
    setPending(false);
    setAsking(undefined);
    if (outcome.ok) {
      props.adopt(outcome.data);
      setMessage({ text: what === 'publish' ? ct('publishedNow') : ct('archivedNow'), error: false });
    } else {
      props.onProblem(outcome.problem);
      setMessage({ text: outcome.problem.fields.id === 'EMPTY' ? ct('needsItems') : formErrorText(outcome.problem.form ?? { code: 'UNKNOWN' }), error: true });
    }
    requestAnimationFrame(() => document.getElementById('collection-state-message')?.focus());
  };

  return (
    <section class="card" aria-labelledby="collection-state-heading">
      <h3 id="collection-state-heading" class="card-title">
        {ct('stateHeading')}
      </h3>
      <p>
        <Switch>
          <Match when={status() === 'DRAFT'}>{ct('draftNote')}</Match>
          <Match when={status() === 'PUBLISHED'}>
            {ct('publishedNote')}
            <Show when={props.collection().publishedAt}>{(at) => <> ({formatDate(at())})</>}</Show>
          </Match>
          <Match when={status() === 'ARCHIVED'}>{ct('archivedNote')}</Match>
        </Switch>
      </p>
      <Show when={message()}>
        {(shown) => (
          <div id="collection-state-message" class="form-alert" classList={{ 'is-error': shown().error, 'is-success': !shown().error }} role={shown().error ? 'alert' : 'status'} tabindex="-1">
            <p>{shown().text}</p>
          </div>
        )}
      </Show>
      <Show
        when={asking()}
        fallback={
          <div class="button-row">
            <Show when={status() !== 'PUBLISHED'}>
              <button type="button" id="collection-publish" class="button" onClick={() => ask('publish')}>
                {ct('publish')}
              </button>
            </Show>
            <Show when={status() === 'PUBLISHED'}>
              <button type="button" id="collection-archive" class="button button-secondary" onClick={() => ask('archive')}>
                {ct('archive')}
              </button>
            </Show>
          </div>
        }
      >
        {(what) => (
          <div class="status-panel is-waiting collection-confirm" role="group" aria-labelledby="collection-confirm-question">
            <p id="collection-confirm-question">{what() === 'publish' ? ct('publishQuestion') : ct('archiveQuestion')}</p>
            <div class="button-row">
              <button type="button" id="collection-confirm" class="button" classList={{ 'button-danger': what() === 'archive' }} disabled={pending()} onClick={() => void confirm(what())}>
                {what() === 'publish' ? ct('confirmPublish') : ct('confirmArchive')}
              </button>
              <button type="button" class="button button-secondary" onClick={() => cancel(what())}>
                {ct('cancel')}
              </button>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}
