import './replications.css';
import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { formErrorText } from '../../lib/form.ts';
import { profileHref } from '../expert/expert-links.ts';
import { placeHref } from '../place/place-links.ts';
import { ReplicationForm } from './replication-form.tsx';
import { getReplications, removeReplication, type ReplicationsOfPractice, type Replication } from './replication.api.ts';
import { rt } from './replication-text.ts';

/** "Adopted in 3 places", near a published practice's title: a link to the section below. */
export function ReplicationCount(props: { practiceId: string }) {
  const loaded = createAsync(() => getReplications(props.practiceId).catch(() => null));
  return (
    <Show when={loaded()?.practice.replicationCount}>
      {(count) => (
        <p class="replication-count">
          <a href="#replications">{rt('count', count())}</a>
        </p>
      )}
    </Show>
  );
}

/** "Đã được nhân rộng": where a published practice was adopted, and the form to add one's own organisation. */
export function PracticeReplications(props: { practiceId: string }) {
  const loaded = createAsync(() => getReplications(props.practiceId));
  return (
    <section id="replications" class="practice-section practice-replications" aria-labelledby="replications-heading">
      <h2 id="replications-heading">{rt('heading')}</h2>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <SectionError>
          <Show when={loaded()}>{(data) => <ReplicationList data={data()} practiceId={props.practiceId} />}</Show>
        </SectionError>
      </Suspense>
    </section>
  );
}

function ReplicationList(props: { data: ReplicationsOfPractice; practiceId: string }) {
  const [notice, setNotice] = createSignal('');
  const replications = () => props.data.practice.replications;
  return (
    <>
      <p class="muted">{replications().length ? rt('intro') : rt('empty')}</p>
      <Show when={notice()}>
        <p class="form-alert is-success" role="status">
          {notice()}
        </p>
      </Show>
      <ol class="replication-list">
        <For each={replications()}>{(replication) => <ReplicationItem replication={replication} practiceId={props.practiceId} onDone={setNotice} />}</For>
      </ol>
      <Show when={props.data.practice.viewerMayRecordReplication}>
        <ReplicationForm
          practiceId={props.practiceId}
          defaults={{ organization: props.data.viewer?.organization?.slug ?? '', place: props.data.viewer?.place?.code ?? '' }}
          onDone={() => setNotice(rt('recorded'))}
        />
      </Show>
      <Show when={props.data.viewer && !props.data.practice.viewerMayRecordReplication}>
        <p class="muted replication-verify">{rt('verifyToRecord')}</p>
      </Show>
    </>
  );
}

function ReplicationItem(props: { replication: Replication; practiceId: string; onDone: (notice: string) => void }) {
  const [editing, setEditing] = createSignal(false);
  const [removing, setRemoving] = createSignal(false);
  const [failed, setFailed] = createSignal('');
  const remove = async () => {
    if (!window.confirm(rt('confirmRemove'))) return;
    setRemoving(true);
    const outcome = await removeReplication(props.practiceId, props.replication.id);
    setRemoving(false);
    if (outcome.ok) props.onDone(rt('removed'));
    else setFailed(outcome.problem.form?.code ?? 'UNKNOWN');
  };
  return (
    <li class="replication" aria-labelledby={`replication-${props.replication.id}`}>
      {/* The organisation stays as the item's name while it is being edited (it is the record's key). */}
      <h3 id={`replication-${props.replication.id}`} class="replication-who">
        {props.replication.organization.name}
      </h3>
      <Show
        when={!editing()}
        fallback={
          <ReplicationForm
            practiceId={props.practiceId}
            editing={props.replication}
            defaults={{ organization: props.replication.organization.slug, place: props.replication.place.code }}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              props.onDone(rt('saved'));
            }}
          />
        }
      >
        <p class="replication-where muted">
          <A href={placeHref(props.replication.place.code)}>{props.replication.place.name}</A> · {rt('when', props.replication.month, props.replication.year)}
        </p>
        <dl class="replication-facts">
          <dt>{rt('changes')}</dt>
          <dd lang="vi">{props.replication.changes}</dd>
          <Show when={props.replication.result}>
            <dt>{rt('result')}</dt>
            <dd lang="vi">{props.replication.result}</dd>
          </Show>
        </dl>
        <p class="replication-by muted">
          <A href={profileHref(props.replication.recordedBy.handle)}>{rt('recordedBy', props.replication.recordedBy.name)}</A>
        </p>
        <Show when={props.replication.viewerCanChange}>
          <div class="replication-actions">
            <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>
              {rt('edit')}
            </button>
            <button type="button" class="button button-secondary" disabled={removing()} onClick={remove}>
              {rt('remove')}
            </button>
          </div>
          <Show when={failed()}>
            <p class="field-error" role="alert">
              {formErrorText({ code: failed() })}
            </p>
          </Show>
        </Show>
      </Show>
    </li>
  );
}
