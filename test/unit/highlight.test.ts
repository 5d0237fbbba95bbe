import { describe, expect, it } from 'vitest';
import { highlight, plainText, queryTerms, snippet } from '../../schema/search/fold.ts';

const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('highlight', () => {
  it('marks folded matches on the original characters, đ included', () => {
    expect(highlight('Đổi mới ở Đà Nẵng', queryTerms('doi da'))).toEqual([
      { text: 'Đổi', match: true },
      { text: ' mới ở ', match: false },
      { text: 'Đà', match: true },
      { text: ' Nẵng', match: false },
    ]);
  });

  it('marks decomposed text on its own characters', () => {
    const text = 'Chuyển đổi'.normalize('NFD');
    expect(marked(highlight(text, queryTerms('chuyen')))).toEqual(['Chuyển'.normalize('NFD')]);
  });

  it('marks an acronym’s phrase and a phrase’s acronym, whole words only', () => {
    expect(marked(highlight('Kế hoạch chuyển đổi số và CĐS', queryTerms('CĐS')))).toEqual(['chuyển đổi số', 'CĐS']);
    expect(marked(highlight('Kế hoạch CĐS', queryTerms('chuyen doi so')))).toEqual(['CĐS']);
    expect(marked(highlight('sổ số sở', queryTerms('so')))).toEqual(['sổ số sở']);
    expect(marked(highlight('sonar', queryTerms('so')))).toEqual([]);
  });

  it('marks only the forms typed with diacritics where the text has them, the folded ones otherwise', () => {
    expect(marked(highlight('Chữ ký số cho hồ sơ ở sở', queryTerms('chữ ký số')))).toEqual(['Chữ ký số']);
    expect(marked(highlight('Số hóa hồ sơ', queryTerms('sơ')))).toEqual(['sơ']);
    expect(marked(highlight('Ma trận phân quyền', queryTerms('mã')))).toEqual(['Ma']);
    expect(marked(highlight('sổ số sở', queryTerms('so')))).toEqual(['sổ số sở']);
  });

  it('keeps markup-looking text as plain text in segments', () => {
    const segments = highlight('<b>ma</b>', queryTerms('ma'));
    expect(segments.map((s) => s.text).join('')).toBe('<b>ma</b>');
    expect(marked(segments)).toEqual(['ma']);
  });
});

describe('snippet', () => {
  it('strips markdown and cuts around the first match with ellipses', () => {
    expect(plainText('## Tiêu đề\n\n- **Một** [liên kết](https://x.vn) `mã`')).toBe('Tiêu đề Một liên kết mã');
    const long = `${'Mở đầu dài dòng. '.repeat(30)}Điểm chính là điện toán đám mây. ${'Kết thúc. '.repeat(30)}`;
    const cut = snippet(long, queryTerms('dam may'), 120);
    const text = cut.map((s) => s.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(122);
    expect(marked(cut)).toEqual(['đám mây']);
  });
});
