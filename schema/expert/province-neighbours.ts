/**
 * Which of the 34 provincial units (since 1 July 2025) share a land border, by code. Derived from
 * the borders of the provinces each unit absorbed (e.g. Hải Phòng took in Hải Dương, which
 * borders Bắc Giang, now part of Bắc Ninh); borders with Laos, Cambodia and China and the sea are
 * not listed. Each pair is written once; `neighboursOf` reads both directions.
 */
const BORDERS: Record<string, string[]> = {
  'lai-chau': ['dien-bien', 'son-la', 'lao-cai'],
  'dien-bien': ['son-la'],
  'son-la': ['lao-cai', 'phu-tho', 'thanh-hoa'],
  'lao-cai': ['phu-tho', 'tuyen-quang'],
  'tuyen-quang': ['cao-bang', 'thai-nguyen', 'phu-tho'],
  'cao-bang': ['thai-nguyen', 'lang-son'],
  'lang-son': ['thai-nguyen', 'bac-ninh', 'quang-ninh'],
  'thai-nguyen': ['bac-ninh', 'ha-noi', 'phu-tho'],
  'phu-tho': ['ha-noi', 'ninh-binh', 'thanh-hoa'],
  'ha-noi': ['bac-ninh', 'hung-yen', 'ninh-binh'],
  'quang-ninh': ['bac-ninh', 'hai-phong'],
  'bac-ninh': ['hai-phong', 'hung-yen'],
  'hai-phong': ['hung-yen'],
  'hung-yen': ['ninh-binh'],
  'ninh-binh': ['thanh-hoa'],
  'thanh-hoa': ['nghe-an'],
  'nghe-an': ['ha-tinh'],
  'ha-tinh': ['quang-tri'],
  'quang-tri': ['hue'],
  hue: ['da-nang'],
  'da-nang': ['quang-ngai'],
  'quang-ngai': ['gia-lai'],
  'gia-lai': ['dak-lak'],
  'dak-lak': ['khanh-hoa', 'lam-dong'],
  'khanh-hoa': ['lam-dong'],
  'lam-dong': ['dong-nai', 'ho-chi-minh'],
  'dong-nai': ['ho-chi-minh', 'tay-ninh'],
  'tay-ninh': ['ho-chi-minh', 'dong-thap'],
  'ho-chi-minh': ['dong-thap'],
  'dong-thap': ['vinh-long', 'can-tho', 'an-giang'],
  'vinh-long': ['can-tho'],
  'can-tho': ['an-giang', 'ca-mau'],
  'an-giang': ['ca-mau'],
};

const NEIGHBOURS = new Map<string, Set<string>>();
for (const [place, others] of Object.entries(BORDERS)) {
  for (const other of others) {
    NEIGHBOURS.set(place, (NEIGHBOURS.get(place) ?? new Set()).add(other));
    NEIGHBOURS.set(other, (NEIGHBOURS.get(other) ?? new Set()).add(place));
  }
}

/** The current units bordering a current unit (none for an unknown code). */
export const neighboursOf = (placeCode: string): string[] => [...(NEIGHBOURS.get(placeCode) ?? [])];
