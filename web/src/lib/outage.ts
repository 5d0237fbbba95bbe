import { createRoot, createSignal } from 'solid-js';
import type { GraphQLRequestError } from './graphql-client.ts';

/*
 * Whether the API is out of reach, as the app's requests find it: set by a request that ends in
 * an outage (graphql-client.ts decides which do), cleared by the next answer from a request
 * started after it. Requests already on their way when the outage began say nothing about it
 * now, so a slow success cannot hide a newer failure.
 */

const { current, setCurrent, recoveries, setRecoveries } = createRoot(() => {
  const [current, setCurrent] = createSignal<GraphQLRequestError | undefined>(undefined);
  const [recoveries, setRecoveries] = createSignal(0);
  return { current, setCurrent, recoveries, setRecoveries };
});

let started = 0;
let failedSince = 0;

/** The outage the app is in (the latest failure), or undefined when the API answers. */
export const outage = current;

/** Counts the times the API answered again after an outage, for parts that failed to reload themselves. */
export const recovered = recoveries;

/** Called by `request` as it sends; the number orders its answer against the others. */
export function requestStarted(): number {
  return ++started;
}

/** Called by `request` with its outage, or undefined when the API answered (with data or an expected error). */
export function requestFinished(id: number, outage: GraphQLRequestError | undefined) {
  if (outage) {
    failedSince = Math.max(failedSince, id);
    setCurrent(outage);
  } else if (current() && id > failedSince) {
    setCurrent(undefined);
    setRecoveries((n) => n + 1);
  }
}
