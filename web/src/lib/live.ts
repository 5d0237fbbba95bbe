import type { TadaDocumentNode } from 'gql.tada';
import { createClient, type Client } from 'graphql-sse';
import { GRAPHQL_ENDPOINT, source } from './graphql-client.ts';

/*
 * Live updates: GraphQL subscriptions over server-sent events (graphql-sse in its "distinct
 * connections" mode, which Yoga serves on the same endpoint). A dropped connection is opened
 * again with a growing wait; the page then reads again what it may have missed.
 */

let client: Client | undefined;

function liveClient(): Client {
  client ??= createClient({
    // Absolute, as the client builds requests from it.
    url: () => new URL(GRAPHQL_ENDPOINT, window.location.href).href,
    credentials: 'same-origin',
    // The API refuses requests without it (CSRF prevention), as for queries.
    headers: { 'x-graphql-yoga-csrf': '1' },
    retryAttempts: Number.POSITIVE_INFINITY,
    retry: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** retries) * (0.5 + Math.random() / 2))),
  });
  return client;
}

/**
 * Listens to a subscription until the returned function is called: `onEvent` for each event,
 * `onReconnected` when a dropped connection is back (events meanwhile were not received).
 */
export function subscribe<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  handlers: { onEvent: (data: Result) => void; onReconnected?: () => void },
): () => void {
  return liveClient().subscribe<Result>(
    { query: source(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => result.data && handlers.onEvent(result.data as Result),
      // A refusal (signed out, thread gone) ends it; the page's own query says why.
      error: () => undefined,
      complete: () => undefined,
    },
    { connected: (reconnected) => reconnected && handlers.onReconnected?.() },
  );
}
