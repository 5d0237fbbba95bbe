import { createAsync } from '@solidjs/router';
import { createMemo, For, Match, Show, Suspense, Switch } from 'solid-js';
import { FormAlert, SelectField, SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { formatDate, localName, t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, problemOf, useFormSubmission } from '../../lib/form.ts';
import { getCohorts } from '../cohort/cohort.api.ts';
import { getOwnVerification, requestVerificationAction, STATEMENT_MAX, type OwnVerification } from './verification.api.ts';
import { createChoices } from '../../lib/choices.ts';

type OwnRequest = NonNullable<OwnVerification['verificationRequests']>[number];

/** The expert badge from the person's side: their status, and the request form when it applies. */
export function VerificationPanel() {
  const own = createAsync(() => getOwnVerification());
  const requests = () => own()?.verificationRequests ?? [];
  const latest = () => requests()[0];
  const earlier = () => requests().slice(latest()?.status === 'PENDING' || latest()?.status === 'DECLINED' ? 1 : 0);

  return (
    <section class="card" aria-labelledby="verification-heading">
      <h2 id="verification-heading" class="card-title">
        {t('verification.heading')}
      </h2>
      <p class="card-intro">{t('verification.intro')}</p>
      <Show when={own()}>
        {(state) => (
          <Switch>
            <Match when={state().verified}>
              <div class="status-panel is-success">
                <p>{t('verification.verified', state().verifiedAt ? formatDate(state().verifiedAt!) : '')}</p>
              </div>
            </Match>
            <Match when={latest()?.status === 'PENDING' ? latest() : undefined}>
              {(request) => (
                <div class="status-panel is-waiting" role="status">
                  <p class="status-panel-title">{t('verification.pendingTitle')}</p>
                  <p>{t('verification.pendingBody', formatDate(request().createdAt))}</p>
                  <RequestDetails request={request()} />
                </div>
              )}
            </Match>
            <Match when={true}>
              <Show when={latest()?.status === 'DECLINED' ? latest() : undefined}>
                {(request) => (
                  <div class="status-panel is-declined">
                    <p class="status-panel-title">{t('verification.declinedTitle')}</p>
                    <Show when={request().reason}>
                      <p lang="vi">{t('verification.declinedReason', request().reason)}</p>
                    </Show>
                    <p>{t('verification.declinedAgain')}</p>
                  </div>
                )}
              </Show>
              <RequestForm />
            </Match>
          </Switch>
        )}
      </Show>
      <Show when={earlier().length}>
        <h3 class="card-subtitle">{t('verification.history')}</h3>
        <ul class="request-history">
          <For each={earlier()}>
            {(request) => (
              <li>
                <span class="status-chip" data-status={request.status.toLowerCase()}>
                  {t(`verification.status.${request.status}`)}
                </span>{' '}
                <span class="muted">{t('verification.requested', formatDate(request.createdAt))}</span>
                <Show when={request.decidedAt}>{(decidedAt) => <span class="muted"> · {t('verification.decided', formatDate(decidedAt()))}</span>}</Show>
                <Show when={request.reason}>
                  <p class="request-reason" lang="vi">
                    {t('verification.declinedReason', request.reason)}
                  </p>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function RequestDetails(props: { request: OwnRequest }) {
  return (
    <details class="request-details">
      <summary>{t('verification.yourStatement')}</summary>
      <Show when={props.request.cohort}>{(cohort) => <p>{t('expert.cohortBadge', localName(cohort()), cohort().year)}</p>}</Show>
      <p class="request-statement" lang="vi">
        {props.request.statement}
      </p>
    </details>
  );
}

function RequestForm() {
  const cohorts = createChoices(getCohorts);
  const submission = useFormSubmission(requestVerificationAction);
  const problem = createMemo(() => problemOf(submission.result));
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );

  return (
    <form action={requestVerificationAction} method="post" class="form" novalidate ref={form} aria-labelledby="verification-heading">
      <FormAlert problem={problem()} />
      <Show when={problem()?.form?.code === 'CONFLICT'}>
        <p class="muted">{t('verification.conflict')}</p>
      </Show>
      <TextAreaField
        id="verification-statement"
        name="statement"
        label={t('verification.statement')}
        hint={t('verification.statementHint')}
        rows={6}
        maxLength={STATEMENT_MAX}
        lang="vi"
        error={errorFor(problem(), 'statement')}
      />
      <SelectField id="verification-cohort" name="cohort" label={t('verification.cohort')} hint={cohorts.failed() ? t('choice.loadFailed') : undefined} optional error={errorFor(problem(), 'cohort')}>
        <option value="">{t('verification.noCohort')}</option>
        <Suspense>
          <For each={cohorts.items() ?? []}>{(cohort) => <option value={cohort.slug}>{t('expert.cohortBadge', localName(cohort), cohort.year)}</option>}</For>
        </Suspense>
      </SelectField>
      <div class="form-actions">
        <SubmitButton pending={submission.pending ?? false} label={t('verification.submit')} pendingLabel={t('form.sending')} />
      </div>
    </form>
  );
}
