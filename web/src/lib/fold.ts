/** Lower case without Vietnamese diacritics ("Đà Nẵng" → "da nang"), for matching what people type. */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
