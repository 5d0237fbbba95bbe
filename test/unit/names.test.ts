import { describe, expect, it } from 'vitest';
import { looksAlike, skeleton } from '../../schema/moderation/names.ts';
import { checkName } from '../../schema/validation.ts';

/* The name rules and the look-alike test, without a database. */

describe('Name rules', () => {
  it.each([
    ['zero-width space U+200B', 'Trần\u200BMinh Tuấn', 'INVISIBLE_CHARACTER'],
    ['zero-width joiner U+200D', 'Trần Minh\u200D Tuấn', 'INVISIBLE_CHARACTER'],
    ['word joiner U+2060', 'Trần Minh\u2060 Tuấn', 'INVISIBLE_CHARACTER'],
    ['byte-order mark U+FEFF', '\uFEFFTrần Minh Tuấn', 'INVISIBLE_CHARACTER'],
    ['soft hyphen U+00AD', 'Trần Minh Tu\u00ADấn', 'INVISIBLE_CHARACTER'],
    ['left-to-right mark U+200E', 'Trần Minh Tuấn\u200E', 'INVISIBLE_CHARACTER'],
    ['tag characters U+E0041 U+E007F', 'Trần Minh Tuấn\u{E0041}\u{E007F}', 'INVISIBLE_CHARACTER'],
    ['Hangul filler U+3164', 'Trần Minh Tuấn\u3164', 'INVISIBLE_CHARACTER'],
    ['Hangul choseong filler U+115F', '\u115F\u115F', 'INVISIBLE_CHARACTER'],
    ['halfwidth Hangul filler U+FFA0', 'Trần\uFFA0Minh', 'INVISIBLE_CHARACTER'],
    ['Mongolian vowel separator U+180E', 'Trần\u180EMinh', 'INVISIBLE_CHARACTER'],
    ['variation selector U+FE0F', 'Tuấn\uFE0F', 'INVISIBLE_CHARACTER'],
    ['combining grapheme joiner U+034F', 'Tua\u034F\u0302\u0301n', 'INVISIBLE_CHARACTER'],
    ['braille blank U+2800', 'Tuấn \u2800', 'INVISIBLE_CHARACTER'],
    ['BEL U+0007', 'Tuấn\u0007', 'CONTROL_CHARACTER'],
    ['C1 control U+009B', 'Tuấn\u009B31m', 'CONTROL_CHARACTER'],
    ['right-to-left override U+202E', 'Tuấn\u202Enimda', 'CONTROL_CHARACTER'],
    ['line separator U+2028', 'Trần\u2028Tuấn', 'CONTROL_CHARACTER'],
    ['private-use U+E000', 'Tuấn\uE000', 'PRIVATE_USE_CHARACTER'],
    ['supplementary private-use U+F0000', 'Tuấn\u{F0000}', 'PRIVATE_USE_CHARACTER'],
    ['unassigned U+0378', 'Tuấn\u0378', 'UNASSIGNED_CHARACTER'],
    ['three marks on one letter after NFC', 'Tu\u0336\u0337\u0338n', 'TOO_MANY_MARKS'],
    ['a Zalgo pile', `Tu${'\u0336'.repeat(8)}n`, 'TOO_MANY_MARKS'],
    ['a mark on nothing', '\u0301Tuấn', 'TOO_MANY_MARKS'],
    ['a mark on a space', 'Tuấn \u0301', 'TOO_MANY_MARKS'],
    ['broken Unicode', 'Tuấn\uD800', 'INVALID'],
    ['no letter', '12 34', 'INVALID'],
    ['one letter', 'T', 'TOO_SHORT'],
  ])('refuses %s with its own code', (_, name, rule) => {
    expect(checkName(name)).toEqual({ rule });
  });

  it.each([
    ['precomposed Vietnamese', 'Nguyễn Thị Đặng Hà', 'Nguyễn Thị Đặng Hà'],
    ['decomposed Vietnamese (e + U+0302 + U+0303)', 'Nguye\u0302\u0303n Thi\u0323 \u0110a\u0306\u0323ng Ha\u0300', 'Nguyễn Thị Đặng Hà'],
    ['two marks on a letter with no precomposed form', 'Q\u0323\u0302uang', 'Q\u0323\u0302uang'],
    ['no-break, ideographic and repeated spaces', ' Trần\u00A0Minh\u3000 Tuấn ', 'Trần Minh Tuấn'],
    ['other scripts', 'Иван Петров', 'Иван Петров'],
  ])('accepts %s and stores it in NFC', (_, name, stored) => {
    expect(checkName(name)).toEqual({ name: stored });
    expect(stored.normalize('NFC')).toBe(stored);
  });
});

describe('Look-alike names', () => {
  it('maps a Cyrillic "а" and "rn" onto what they imitate (the UTS #39 skeleton)', () => {
    expect(skeleton('Tu\u0430n')).toBe(skeleton('Tuan'));
    expect(skeleton('rn')).toBe(skeleton('m'));
  });

  it.each([
    ['a Cyrillic "а" in place of a Latin "a"', 'Trần Minh Tu\u0430\u0302\u0301n'],
    ['"rn" in place of "m"', 'Trần Rninh Tuấn'],
    ['the same name in capitals', 'TRẦN MINH TUẤN'],
    ['a Greek "Τ" for a Latin "T"', '\u03A4rần Minh Tuấn'],
  ])('takes %s for the staff name', (_, name) => {
    expect(looksAlike('Trần Minh Tuấn', name)).toBe(true);
  });

  it.each([
    ['another name', 'Nguyễn Văn Hùng'],
    ['the same letters with other accents', 'Trần Minh Tuân'],
    ['the name without diacritics', 'Tran Minh Tuan'],
  ])('tells %s apart', (_, name) => {
    expect(looksAlike('Trần Minh Tuấn', name)).toBe(false);
  });

  it('takes the Icelandic "Ð" for the Vietnamese "Đ" as written', () => {
    expect(looksAlike('Đỗ Văn Thắng', '\u00D0ỗ Văn Thắng')).toBe(true);
  });
});
