import { describe, expect, it, vi } from 'vitest';
import { threadListParams } from '../../web/src/features/discussion/thread-params.ts';
import { practiceFilterOf, practiceListParams } from '../../web/src/features/practice/practice-params.ts';
import { listAddress, pageArgs, readListParams, useListParams } from '../../web/src/lib/list-params.ts';

/*
 * The filtered lists carry what they show in the URL (web/src/lib/list-params.ts and each list's
 * parameters): a shared or hand-edited address must show the same view, and whatever a link
 * carries that is not a filter must be left out rather than sent to the API.
 */

// The page's search parameters, as the router would give them to useListParams.
const router = vi.hoisted(() => ({ search: {} as Record<string, string | string[]>, setSearch: (..._args: unknown[]) => {} }));
vi.mock('@solidjs/router', () => ({ useSearchParams: () => [router.search, router.setSearch] }));

describe('reading a list’s parameters from its URL', () => {
  it('keeps the named keys, trimmed, drops blanks and every other key, and takes the first of a repeated key', () => {
    const search = { topic: '  chinh-phu-so ', place: '   ', q: ['một cửa', 'hai cửa'], role: 'ADMIN', constructor: 'y' };
    expect(readListParams(search, ['topic', 'place', 'q'])).toEqual({ topic: 'chinh-phu-so', q: 'một cửa' });
  });

  it('pages from one side only: `after` wins when a hand-made link carries both cursors', () => {
    expect(readListParams({ after: 'A', before: 'B' }, [])).toEqual({ after: 'A' });
    expect(readListParams({ before: 'B' }, [])).toEqual({ before: 'B' });
    expect(pageArgs({ before: 'B' }, 20)).toEqual({ last: 20, before: 'B' });
    expect(pageArgs({ after: 'A' }, 20)).toEqual({ first: 20, after: 'A' });
    expect(pageArgs({}, 20)).toEqual({ first: 20, after: null });
  });

  it('drops practice filters the API could not take: an unknown stage, a year that is not a year, featured other than 1', () => {
    expect(practiceListParams({ stage: 'PILOT', year: '2024', featured: '1' })).toEqual({ stage: 'pilot', year: '2024', featured: '1' });
    expect(practiceListParams({ stage: 'LAUNCHED', year: '2024; drop', featured: 'true', org: 'bo-tai-chinh' })).toEqual({ org: 'bo-tai-chinh' });
    expect(practiceListParams({ year: '99999' })).toEqual({});
  });

  it('turns the URL’s practice filters into the API’s filter', () => {
    expect(practiceFilterOf({ topic: 't', place: '01', org: 'o', stage: 'scaled', year: '2023' })).toEqual({ topic: 't', place: '01', organization: 'o', stage: 'SCALED', year: 2023 });
    expect(practiceFilterOf({ stage: 'unknown' })).toEqual({});
  });

  it('shows every thread for an unknown or default tab, and keeps a known one', () => {
    expect(threadListParams({ show: 'questions', q: ' dịch vụ công ' })).toEqual({ show: 'questions', q: 'dịch vụ công' });
    expect(threadListParams({ show: 'deleted' })).toEqual({});
    expect(threadListParams({ show: 'all' })).toEqual({});
  });
});

describe('writing a list’s parameters', () => {
  it('leaves blank values out of an address and keeps each value whole, whatever it holds', () => {
    expect(listAddress('/practices', { topic: 'y-te', place: '', q: undefined })).toBe('/practices?topic=y-te');
    expect(listAddress('/practices', {})).toBe('/practices');
    const hostile = listAddress('/search', { q: 'a&featured=1#x' });
    expect(new URL(hostile, 'http://localhost').searchParams.get('q')).toBe('a&featured=1#x');
    expect(new URL(hostile, 'http://localhost').searchParams.get('featured')).toBeNull();
  });

  it('starts again at the first page when a filter changes, and can refine the current history entry', () => {
    const written: unknown[][] = [];
    router.setSearch = (...args) => written.push(args);
    router.search = { topic: 'y-te', after: 'CURSOR' };
    const { params, change } = useListParams((search) => readListParams(search, ['topic', 'place']));
    expect(params()).toEqual({ topic: 'y-te', after: 'CURSOR' });
    change({ place: '01' });
    change({ q: 'một cửa' }, { replace: true });
    // Strict: a cursor left out (instead of cleared) would keep the page the URL named.
    expect(written).toStrictEqual([
      [{ place: '01', after: undefined, before: undefined }, undefined],
      [{ q: 'một cửa', after: undefined, before: undefined }, { replace: true }],
    ]);
  });
});
