import { createAsync, revalidate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { SectionError } from '../../components/section-error.tsx';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { dismissMessageReport, getMessageReports, hideReportedMessage, type MessageReport, type MessageReportState } from './message.api.ts';
import { messageProblemText, mt } from './message-text.ts';
import { problemOf } from '../../lib/form.ts';

/** The moderators' queue of reported private messages: each with the few messages before it, nothing else. */
const REPORT_STATES: MessageReportState[] = ['OPEN', 'HIDDEN', 'DISMISSED'];

/** Which reports show, kept in the URL (`?messageReports=hidden|dismissed`) so a moderator can share or reload it. */
export function MessageReportQueue() {
  const [search, setSearch] = useSearchParams<{ messageReports: string }>();
  const state = (): MessageReportState => REPORT_STATES.find((s) => s.toLowerCase() === search.messageReports) ?? 'OPEN';
  const reports = createAsync(() => getMessageReports(state()));
  return (
    <section class="card message-report-queue" aria-labelledby="message-reports-title">
      <h2 id="message-reports-title">{mt('queueTitle')}</h2>
      <p class="muted">{mt('queueIntro')}</p>
      <label class="message-report-state">
        {mt('reportStateLabel')}{' '}
        <select value={state()} onChange={(event) => setSearch({ messageReports: event.currentTarget.value === 'OPEN' ? undefined : event.currentTarget.value.toLowerCase() })}>
          <For each={REPORT_STATES}>{(option) => <option value={option}>{mt(`reportStates.${option}`)}</option>}</For>
        </select>
      </label>
      {/* Its own failure stays here: the flag queue above it keeps working. */}
      <SectionError>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <Show when={reports()?.length} fallback={<p>{state() === 'OPEN' ? mt('queueEmpty') : mt('queueEmptyDecided')}</p>}>
            <ul class="message-report-list">
              <For each={reports()}>{(report) => <ReportRow report={report} />}</For>
            </ul>
          </Show>
        </Suspense>
      </SectionError>
    </section>
  );
}

function ReportRow(props: { report: MessageReport }) {
  const [problem, setProblem] = createSignal<string | undefined>();
  const decide = async (event: SubmitEvent) => {
    event.preventDefault();
    const submitter = (event.submitter as HTMLButtonElement | null)?.value;
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '');
    const outcome = submitter === 'hide' ? await hideReportedMessage(props.report.id, reason) : await dismissMessageReport(props.report.id, reason);
    setProblem(messageProblemText(problemOf(outcome)));
    if (outcome.ok) await revalidate(getMessageReports.key);
  };
  return (
    <li class="message-report-row">
      <p>
        <strong>{mt('reportedBy', props.report.reporter.name, props.report.author.name)}</strong> · {mt(`reasons.${props.report.reason}`)} ·{' '}
        <time datetime={props.report.createdAt}>{formatDateTime(props.report.createdAt)}</time>
      </p>
      <Show when={props.report.note}>
        <p class="muted">{props.report.note}</p>
      </Show>
      <Show when={props.report.context.length}>
        <details>
          <summary>{mt('context')}</summary>
          <For each={props.report.context}>
            {(message) => (
              <div class="message">
                <p class="message-meta">{message.author.name}</p>
                <div class="message-body markdown" innerHTML={message.html ?? ''} />
              </div>
            )}
          </For>
        </details>
      </Show>
      <Show when={props.report.message}>
        {(message) => (
          <div class="message is-reported">
            <p class="message-meta">{message().author.name}</p>
            <div class="message-body markdown" innerHTML={message().html ?? ''} />
          </div>
        )}
      </Show>
      <Show when={props.report.state === 'OPEN'} fallback={<Decision report={props.report} />}>
        <form class="message-report-decision" onSubmit={decide}>
          <label>
            {mt('decisionReason')}
            <input name="reason" required minLength={3} maxLength={500} />
          </label>
          <p class="form-error" role="alert">
            {problem()}
          </p>
          <button type="submit" class="button" value="hide">
            {mt('hide')}
          </button>{' '}
          <button type="submit" class="button button-secondary" value="keep">
            {mt('keep')}
          </button>
        </form>
      </Show>
    </li>
  );
}

/** What was decided about a report: by whom, when and why. */
function Decision(props: { report: MessageReport }) {
  return (
    <p class="message-report-outcome">
      <strong>{mt(`reportStates.${props.report.state}`)}</strong> · {mt('decided', props.report.decidedBy?.name ?? '—', props.report.decidedAt ? formatDateTime(props.report.decidedAt) : '—')}
      <Show when={props.report.decisionReason}>
        {' '}
        · {mt('decisionWas')} {props.report.decisionReason}
      </Show>
    </p>
  );
}
