import { useSearchParams, type SearchParams } from '@solidjs/router';
import { createMemo } from 'solid-js';

/*
 * The filtered lists (practices, experts, threads, search) carry what they show in the URL, so
 * that a view can be shared and Back returns to it. These read and write those parameters.
 */

/** One URL value, trimmed; blank is the same as absent (a repeated key keeps its first value). */
export const single = (value: string | string[] | undefined): string | undefined => {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
};

/**
 * The given keys of a URL query, blanks dropped, and the page cursor: a page is reached from
 * one side only, so `after` wins if a hand-made link carries both.
 */
export function readListParams<K extends string>(search: SearchParams, keys: readonly K[]): Partial<Record<K | 'after' | 'before', string>> {
  const params: Partial<Record<K | 'after' | 'before', string>> = {};
  for (const key of [...keys, 'after', 'before'] as const) {
    const value = single(search[key]);
    if (value !== undefined) params[key] = value;
  }
  if (params.after) delete params.before;
  return params;
}

/** The connection arguments for the page a list's URL names: `first`/`after` forward, `last`/`before` back. */
export const pageArgs = (params: { after?: string | undefined; before?: string | undefined }, size: number) =>
  params.before ? { last: size, before: params.before } : { first: size, after: params.after ?? null };

/** The address of a list with these parameters (blank ones left out). */
export function listAddress(path: string, params: object): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export type ParamPatch = Record<string, string | undefined>;

/**
 * A list page's parameters, parsed from the URL by `parse` (a new value only when they really
 * change), and `change`, which writes filters to the URL and starts again at the first page;
 * `replace` refines the current history entry instead of adding one.
 */
export function useListParams<P>(parse: (search: SearchParams) => P) {
  const [search, setSearch] = useSearchParams();
  const params = createMemo(() => parse(search), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const change = (patch: ParamPatch, options?: { replace?: boolean }) => setSearch({ ...patch, after: undefined, before: undefined }, options);
  return { params, change };
}
