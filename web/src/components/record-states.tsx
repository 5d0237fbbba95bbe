import { A, createAsync } from '@solidjs/router';
import { Match, Switch, type Accessor, type JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { DocumentTitle } from './document-title.tsx';
import { StateMessage } from './state-message.tsx';

/** What loading one record came to: the record, null when there is none to see, or the failure. */
export type Loaded<T> = { value: T | null; error?: undefined } | { value?: undefined; error: unknown };

/**
 * Loads the record a page is about, keeping a failure as a value so that the page can offer
 * "try again" instead of an error boundary. The request starts before the first await, so the
 * router's cache sees it at once.
 */
export function createRecord<T>(load: () => Promise<T | null>): Accessor<Loaded<T> | undefined> {
  return createAsync(async (): Promise<Loaded<T>> => {
    const request = load();
    try {
      return { value: await request };
    } catch (error) {
      return { error };
    }
  });
}

/** A page about one record: the record itself, "not found", or "could not load" with a retry; each with a way back. */
export function RecordStates<T>(props: {
  loaded: Loaded<T> | undefined;
  retry: () => void;
  back: { href: string; label: string };
  errorTitle: string;
  notFound: { title: string; body: string };
  children: (record: Accessor<T>) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.loaded?.error !== undefined}>
        <DocumentTitle text={props.errorTitle} />
        <StateMessage title={props.errorTitle} body={t('profile.errorBody')} tone="error" headingLevel={1}>
          <button type="button" class="button" onClick={() => props.retry()}>
            {t('app.retry')}
          </button>
          <A class="button button-secondary" href={props.back.href}>
            {props.back.label}
          </A>
        </StateMessage>
      </Match>
      <Match when={props.loaded?.value}>{(record) => props.children(record)}</Match>
      <Match when={props.loaded?.value === null}>
        <DocumentTitle text={props.notFound.title} />
        <StateMessage title={props.notFound.title} body={props.notFound.body} headingLevel={1}>
          <A class="button" href={props.back.href}>
            {props.back.label}
          </A>
        </StateMessage>
      </Match>
    </Switch>
  );
}
