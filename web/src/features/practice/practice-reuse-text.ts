import { featureTranslator } from '../../i18n/i18n.ts';

/*
 * What a reader needs to reuse a practice (its page and editor) and the practice list's facets
 * and orders, in both languages. Beside the feature rather than in i18n/vi.ts, the dictionary
 * every visitor loads first. en is typed as vi, so a missing or extra key fails tsc.
 */

const number = new Intl.NumberFormat('vi-VN');
const numberEn = new Intl.NumberFormat('en-GB');

const vi = {
  heading: 'Tái sử dụng',
  intro: 'Những điều cần biết để áp dụng cách làm này ở nơi khác.',
  levelLabel: 'Cấp chính quyền',
  level: { MINISTRY: 'Bộ, ngành', PROVINCE: 'Tỉnh, thành phố', COMMUNE: 'Xã, phường' },
  costLabel: 'Kinh phí',
  cost: {
    UNDER_500M: 'Dưới 500 triệu đồng',
    FROM_500M_TO_2B: 'Từ 500 triệu đến 2 tỷ đồng',
    FROM_2B_TO_10B: 'Từ 2 đến 10 tỷ đồng',
    OVER_10B: 'Trên 10 tỷ đồng',
    UNDISCLOSED: 'Không công bố',
  },
  partners: 'Đối tác, doanh nghiệp tham gia',
  beneficiaries: 'Đối tượng hưởng lợi',
  challenges: 'Khó khăn và điều chưa thành công',
  conditions: 'Điều kiện để nhân rộng',
  contact: 'Người liên hệ',
  contactAsk: 'Hỏi trực tiếp người đã làm',
  editorIntro: 'Không bắt buộc, nhưng giúp nơi khác học theo: cấp thực hiện, kinh phí, đối tác, ai được lợi, khó khăn đã gặp và điều kiện để làm lại.',
  notChosen: 'Chưa chọn',
  partnersHint: (max: number) => `Mỗi dòng một tên, tối đa ${max} tên.`,
  beneficiariesHint: 'Ai được hưởng lợi và bao nhiêu, ví dụ: 1,2 triệu người dân, 4.000 doanh nghiệp.',
  challengesHint: 'Những gì không như dự kiến, và cách đã xử lý.',
  conditionsHint: 'Hạ tầng, dữ liệu, con người, văn bản cần có trước khi làm.',
  contactHint: 'Tên đăng nhập của một thành viên mạng lưới, ví dụ: linhnt.',
  contactUnknown: 'Không có thành viên nào có tên đăng nhập này.',
  sortLabel: 'Sắp xếp',
  sort: { newest: 'Mới nhất', helpful: 'Hữu ích nhất', discussed: 'Nhiều thảo luận nhất' },
  facetCount: (n: number) => `${number.format(n)} cách làm hay`,
  showAll: (n: number) => `Xem tất cả (${number.format(n)})`,
  showFewer: 'Thu gọn',
};

const en: typeof vi = {
  heading: 'Reuse',
  intro: 'What to know before applying this practice elsewhere.',
  levelLabel: 'Level of government',
  level: { MINISTRY: 'Ministry or agency', PROVINCE: 'Province or city', COMMUNE: 'Commune or ward' },
  costLabel: 'Cost',
  cost: {
    UNDER_500M: 'Under 500 million VND',
    FROM_500M_TO_2B: '500 million to 2 billion VND',
    FROM_2B_TO_10B: '2 to 10 billion VND',
    OVER_10B: 'Over 10 billion VND',
    UNDISCLOSED: 'Not disclosed',
  },
  partners: 'Partners and enterprises involved',
  beneficiaries: 'Beneficiaries',
  challenges: 'Challenges and what failed',
  conditions: 'Conditions for replicating it',
  contact: 'Contact person',
  contactAsk: 'Ask someone who did it',
  editorIntro: 'Optional, but it helps others follow: the level of government, the cost, the partners, who benefits, the difficulties met and what replicating it takes.',
  notChosen: 'Not chosen',
  partnersHint: (max: number) => `One name per line, at most ${max}.`,
  beneficiariesHint: 'Who benefits and how many, e.g. 1.2 million residents, 4,000 businesses.',
  challengesHint: 'What did not go as planned, and how it was handled.',
  conditionsHint: 'The infrastructure, data, people and regulations needed first.',
  contactHint: 'The handle of a network member, e.g. linhnt.',
  contactUnknown: 'No member has this handle.',
  sortLabel: 'Sort by',
  sort: { newest: 'Newest', helpful: 'Most helpful', discussed: 'Most discussed' },
  facetCount: (n: number) => `${numberEn.format(n)} ${n === 1 ? 'practice' : 'practices'}`,
  showAll: (n: number) => `Show all (${numberEn.format(n)})`,
  showFewer: 'Show fewer',
};

/** Translates this feature's words into the interface language. */
export const rt = featureTranslator({ vi, en });
