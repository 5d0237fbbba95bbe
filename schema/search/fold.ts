/**
 * Folds Vietnamese text for matching: strips tones and vowel marks, maps đ to d (it has no
 * Unicode decomposition, so NFD alone leaves it), lower-cases. "Chuyển đổi số" -> "chuyen doi so".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Folded words of a text, each once, in first-seen order. */
export function foldedTokens(text: string): string[] {
  return [...new Set(fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

/**
 * Acronyms of the field and what they stand for (folded). Expanded both ways when a record is
 * indexed: a record saying "CĐS" also gets "chuyen doi so", and one saying "chuyển đổi số" also
 * gets "cds", so either form of a query finds both.
 */
export const ACRONYMS: Record<string, string> = {
  cds: 'chuyen doi so',
  cpdt: 'chinh phu dien tu',
  cps: 'chinh phu so',
  cqdt: 'chinh quyen dien tu',
  cqs: 'chinh quyen so',
  dvctt: 'dich vu cong truc tuyen',
  dvc: 'dich vu cong',
  tthc: 'thu tuc hanh chinh',
  ubnd: 'uy ban nhan dan',
  attt: 'an toan thong tin',
  cntt: 'cong nghe thong tin',
  csdl: 'co so du lieu',
  lgsp: 'nen tang tich hop chia se du lieu cap bo cap tinh',
  ndxp: 'nen tang tich hop chia se du lieu quoc gia',
  ioc: 'trung tam giam sat dieu hanh',
  ktcpdt: 'kien truc chinh phu dien tu',
};

/** Folded words of a record's text, with the field's acronyms expanded both ways. */
export function searchTokens(text: string): string[] {
  const words = foldedTokens(text);
  // Phrases are looked for in the words as written, repeats included.
  const joined = ` ${fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')} `;
  const extra: string[] = [];
  for (const [acronym, phrase] of Object.entries(ACRONYMS)) {
    if (words.includes(acronym)) extra.push(...phrase.split(' '));
    if (joined.includes(` ${phrase} `)) extra.push(acronym);
  }
  return [...new Set([...words, ...extra])];
}
