import { describe, expect, it } from 'vitest';
import { sortNameOf } from '../../schema/expert/service.ts';
import { fold, foldedTokens, searchTokens } from '../../schema/search/fold.ts';

describe('fold', () => {
  it('removes tones and vowel marks so that unaccented typing matches', () => {
    expect(fold('Chuyển đổi số')).toBe('chuyen doi so');
    expect(fold('CHÍNH PHỦ ĐIỆN TỬ')).toBe('chinh phu dien tu');
  });

  it('maps đ and Đ to d, which Unicode decomposition alone leaves untouched', () => {
    expect('đ'.normalize('NFD')).toBe('đ');
    expect(fold('Đà Nẵng, Đắk Lắk')).toBe('da nang, dak lak');
  });

  it('folds composed and decomposed input the same way', () => {
    expect(fold('Nguyễn'.normalize('NFD'))).toBe(fold('Nguyễn'.normalize('NFC')));
  });
});

describe('foldedTokens', () => {
  it('splits on punctuation and keeps each word once', () => {
    expect(foldedTokens('Sở KH&CN Hà Nội — Hà Nội')).toEqual(['so', 'kh', 'cn', 'ha', 'noi']);
  });

  it('returns nothing for blank or punctuation-only text', () => {
    expect(foldedTokens('  —, ')).toEqual([]);
  });
});

describe('sortNameOf', () => {
  it('puts the given name first, as Vietnamese directories sort', () => {
    expect(sortNameOf('Nguyễn Văn Hùng')).toBe('hung nguyen van hung');
    expect([sortNameOf('Trần Thị Lan'), sortNameOf('Lê Văn Bình')].sort()).toEqual([sortNameOf('Lê Văn Bình'), sortNameOf('Trần Thị Lan')]);
  });
});

describe('searchTokens', () => {
  it('adds the words of an acronym the text uses', () => {
    expect(searchTokens('Kế hoạch CĐS năm 2025')).toEqual(expect.arrayContaining(['cds', 'chuyen', 'doi', 'so']));
  });

  it('adds the acronym of a phrase the text spells out', () => {
    expect(searchTokens('Cổng dịch vụ công trực tuyến của tỉnh')).toEqual(expect.arrayContaining(['dvctt', 'dvc']));
    expect(searchTokens('Ủy ban nhân dân tỉnh')).toContain('ubnd');
  });

  it('adds nothing for a phrase broken up by other words', () => {
    expect(searchTokens('chuyển giao, đổi mới, số hóa')).not.toContain('cds');
  });
});
