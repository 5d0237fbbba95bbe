import { featureTranslator } from '../../i18n/i18n.ts';

/*
 * The directory's grown-up filters and the profile as a member's record, in both languages.
 * Beside the feature rather than in i18n/vi.ts (every visitor's first load): only these pages
 * read them. en is typed as vi, so a missing or extra key fails tsc.
 */

const number = new Intl.NumberFormat('vi-VN');
const numberEn = new Intl.NumberFormat('en-GB');

const vi = {
  search: 'Tìm theo tên, chức vụ, cơ quan, chuyên môn hoặc giới thiệu',
  searchHint: 'Gõ có dấu hay không dấu đều được; tên viết tắt như ATTT, CĐS, Bộ KH&CN cũng được.',
  withCount: (label: string, count: number) => `${label} (${number.format(count)})`,
  verifiedOnly: 'Chỉ chuyên gia đã xác nhận',
  sort: 'Sắp xếp',
  sortName: 'Theo tên',
  sortActivity: 'Hoạt động gần đây',
  sortReputation: 'Điểm uy tín',
  personSearch: {
    results: 'Kết quả tìm kiếm',
    noMatches: 'Không tìm thấy ai phù hợp.',
    matches: (count: number) => `${number.format(count)} người phù hợp`,
  },
  record: {
    reputation: (n: number) => `Điểm uy tín: ${number.format(n)}`,
    practices: 'Cách làm hay',
    drafts: 'Bản nháp và bài đang duyệt',
    draftsHint: 'Chỉ bạn thấy phần này.',
    questions: 'Câu hỏi',
    answers: 'Câu trả lời',
    discussions: 'Thảo luận',
    endorsements: 'Được ghi nhận',
    endorsementsCount: (n: number) => `${number.format(n)} lượt “cách làm này giúp tôi”`,
    followers: 'Người theo dõi',
    following: 'Đang theo dõi',
    accepted: 'Được chấp nhận',
    waiting: 'Đang chờ duyệt',
    none: 'Chưa có.',
    more: (shown: number, total: number) => `Đang hiện ${number.format(shown)} trên ${number.format(total)}`,
    showMore: 'Xem thêm',
    loadingMore: 'Đang tải…',
    moreFailed: 'Không tải được phần tiếp theo. Hãy thử lại.',
    membersOnly: 'Câu hỏi, câu trả lời và thảo luận chỉ dành cho thành viên: hãy đăng nhập để xem.',
    status: { DRAFT: 'Bản nháp', SUBMITTED: 'Đang chờ duyệt', RETURNED: 'Cần chỉnh sửa', PUBLISHED: 'Đã đăng', HIDDEN: 'Đã ẩn' },
  },
  complete: {
    title: 'Hoàn thiện hồ sơ để đồng nghiệp dễ tìm và tin tưởng bạn',
    missing: 'Hồ sơ còn thiếu:',
    fields: { AVATAR: 'ảnh đại diện', POSITION: 'chức vụ', ORGANIZATION: 'cơ quan', PLACE: 'tỉnh, thành phố', SPECIALTIES: 'lĩnh vực chuyên môn', BIO: 'lời giới thiệu' },
    action: 'Cập nhật hồ sơ',
  },
};

const en: typeof vi = {
  search: 'Search by name, position, organisation, specialty or introduction',
  searchHint: 'Vietnamese diacritics are optional; acronyms such as ATTT, CĐS or Bộ KH&CN work too.',
  withCount: (label: string, count: number) => `${label} (${numberEn.format(count)})`,
  verifiedOnly: 'Recognised experts only',
  sort: 'Sort by',
  sortName: 'Name',
  sortActivity: 'Recent activity',
  sortReputation: 'Reputation',
  personSearch: {
    results: 'Search results',
    noMatches: 'Nobody matches.',
    matches: (count: number) => `${numberEn.format(count)} ${count === 1 ? 'person matches' : 'people match'}`,
  },
  record: {
    reputation: (n: number) => `Reputation: ${numberEn.format(n)} points`,
    practices: 'Good practices',
    drafts: 'Drafts and practices under review',
    draftsHint: 'Only you see this.',
    questions: 'Questions',
    answers: 'Answers',
    discussions: 'Discussions',
    endorsements: 'Endorsements',
    endorsementsCount: (n: number) => `${numberEn.format(n)} “this helped me”`,
    followers: 'Followers',
    following: 'Following',
    accepted: 'Accepted',
    waiting: 'Waiting for approval',
    none: 'None yet.',
    more: (shown: number, total: number) => `Showing ${numberEn.format(shown)} of ${numberEn.format(total)}`,
    showMore: 'Show more',
    loadingMore: 'Loading…',
    moreFailed: 'The next part could not be loaded. Please try again.',
    membersOnly: 'Questions, answers and discussions are for members: sign in to see them.',
    status: { DRAFT: 'Draft', SUBMITTED: 'Under review', RETURNED: 'Needs changes', PUBLISHED: 'Published', HIDDEN: 'Hidden' },
  },
  complete: {
    title: 'Complete your profile so that peers can find and trust you',
    missing: 'Your profile still lacks:',
    fields: { AVATAR: 'a picture', POSITION: 'your position', ORGANIZATION: 'your organisation', PLACE: 'your province or city', SPECIALTIES: 'your specialties', BIO: 'an introduction' },
    action: 'Update your profile',
  },
};

export const te = featureTranslator({ vi, en });
