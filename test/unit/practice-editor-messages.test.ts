import { beforeAll, describe, expect, it, vi } from 'vitest';
import { inFormOrder, practiceErrorText, summaryItemFor } from '../../web/src/features/practice/practice-editor-messages.ts';
import { pageWordsReady } from '../../web/src/i18n/i18n.ts';

/* What the practice editor tells a person about the fields to fix, apart from the browser. */

// The router's Node build refuses its browser API at import: the messages need none of it.
vi.mock('@solidjs/router', () => {
  const unused = () => undefined;
  return {
    action: (fn: unknown) => fn,
    query: (fn: object, key: string) => Object.assign(fn, { key }),
    json: (value: unknown) => value,
    redirect: unused,
    createAsync: unused,
    useSubmission: unused,
    useSubmissions: unused,
    useSearchParams: unused,
  };
});

// The editor's words come with the pages loaded on demand, as the editor page waits for them.
beforeAll(() => pageWordsReady());

describe('the practice editor summary of problems', () => {
  const links = [
    { key: 'l0', label: 'Báo cáo', url: '' },
    { key: 'n1', label: '', url: 'https://example.gov.vn' },
  ];

  it('lists the problems in the order of the form, link rows as listed, a label before its address', () => {
    const paths = ['coAuthors.binh', 'links.n1.url', 'links.n1.label', 'topics', 'links.l0.url', 'title', 'coAuthors.an', 'place', 'summary'];
    expect(inFormOrder(paths, { links, coAuthors: ['an', 'binh'] })).toEqual([
      'title',
      'summary',
      'place',
      'topics',
      'links.l0.url',
      'links.n1.label',
      'links.n1.url',
      'coAuthors.an',
      'coAuthors.binh',
    ]);
  });

  it('names a link row by its position and links to its own input', () => {
    const item = summaryItemFor('links.n1.label', practiceErrorText('links.n1.label', 'REQUIRED'), links);
    expect(item.target).toBe('link-n1-label');
    expect(item.text).toBe('Liên kết 2, Tên liên kết: Điền cả tên và địa chỉ của liên kết.');
  });

  it('says what each missing field needs before it can be sent for review', () => {
    expect(practiceErrorText('topics', 'REQUIRED')).toBe('Chọn ít nhất một lĩnh vực trước khi gửi thẩm định.');
    expect(practiceErrorText('stage', 'REQUIRED')).toBe('Cần chọn mục này trước khi gửi thẩm định.');
    expect(practiceErrorText('problem', 'REQUIRED')).toBe('Cần điền mục này trước khi gửi thẩm định.');
    expect(practiceErrorText('coAuthors.khong-co', 'UNKNOWN')).toContain('“khong-co”');
    expect(summaryItemFor('place', practiceErrorText('place', 'REQUIRED'), links).target).toBe('practice-place');
  });
});
