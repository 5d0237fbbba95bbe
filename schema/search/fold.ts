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
