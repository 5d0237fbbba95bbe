import { featureTranslator } from '../../i18n/i18n.ts';

/*
 * The welcome steps and "people you should know", in both languages. Beside the feature (only
 * signed-in members read them); en is typed as vi, so a missing or extra key fails tsc.
 */

const vi = {
  title: 'Chào mừng bạn đến với mạng lưới',
  intro: 'Vài bước ngắn để trang chủ của bạn có ngay những gì đáng đọc. Bạn có thể bỏ qua bất kỳ bước nào và quay lại trang này sau.',
  stepOf: (n: number, total: number) => `Bước ${n}/${total}`,
  steps: { profile: 'Bạn làm việc ở đâu', topics: 'Chủ đề bạn quan tâm', people: 'Những người bạn nên biết' },
  profileHint: 'Tỉnh, cơ quan, chức vụ và chuyên môn giúp đồng nghiệp tìm thấy bạn, và giúp chúng tôi gợi ý người phù hợp.',
  position: 'Chức vụ',
  saveAndContinue: 'Lưu và tiếp tục',
  continue: 'Tiếp tục',
  skipStep: 'Bỏ qua bước này',
  back: 'Quay lại',
  topicsHint: 'Theo dõi chủ đề để thấy cách làm hay và thảo luận mới trên trang chủ.',
  peopleHint: 'Theo dõi để thấy bài viết mới của họ trên trang chủ.',
  noSuggestions: 'Chưa có gợi ý: hãy thêm tỉnh và chuyên môn của bạn, hoặc xem danh bạ chuyên gia.',
  finish: 'Xong, về trang chủ',
  skipAll: 'Bỏ qua, để sau',
  homeTitle: 'Những người bạn nên biết',
  similarTitle: 'Chuyên gia tương tự',
  directory: 'Xem danh bạ chuyên gia',
  reasons: {
    SPECIALTY: (values: string) => `cùng chuyên môn ${values}`,
    PLACE: (place: string) => `cùng tỉnh ${place}`,
    NEIGHBOUR: (place: string) => `ở tỉnh lân cận ${place}`,
    COHORT: (values: string) => `cùng khoá ${values}`,
    ANSWERED: (values: string) => `đã trả lời câu hỏi về ${values}`,
  },
  unsubscribeTitle: 'Huỷ nhận bản tin hằng tuần',
  unsubscribeBody: 'Bạn sẽ không nhận bản tin hằng tuần qua email nữa. Bạn có thể bật lại bất cứ lúc nào.',
  unsubscribeButton: 'Huỷ nhận bản tin',
  unsubscribed: 'Đã huỷ. Bạn sẽ không nhận bản tin hằng tuần nữa.',
  unsubscribeInvalid: 'Liên kết này không hợp lệ hoặc đã cũ.',
};

const en: typeof vi = {
  title: 'Welcome to the network',
  intro: 'A few short steps so that your home page has something worth reading at once. Skip any of them, and come back to this page later.',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  steps: { profile: 'Where you work', topics: 'Topics you care about', people: 'People you should know' },
  profileHint: 'Your province, organisation, position and specialties help colleagues find you, and us suggest the right people.',
  position: 'Position',
  saveAndContinue: 'Save and continue',
  continue: 'Continue',
  skipStep: 'Skip this step',
  back: 'Back',
  topicsHint: 'Follow topics to see new practices and discussions on your home page.',
  peopleHint: 'Follow them to see what they write on your home page.',
  noSuggestions: 'No suggestions yet: add your province and specialties, or browse the directory.',
  finish: 'Done, go to the home page',
  skipAll: 'Skip for now',
  homeTitle: 'People you should know',
  similarTitle: 'Similar experts',
  directory: 'Browse the directory',
  reasons: {
    SPECIALTY: (values: string) => `also a specialist in ${values}`,
    PLACE: (place: string) => `also in ${place}`,
    NEIGHBOUR: (place: string) => `in neighbouring ${place}`,
    COHORT: (values: string) => `same cohort: ${values}`,
    ANSWERED: (values: string) => `answered questions on ${values}`,
  },
  unsubscribeTitle: 'Stop the weekly digest',
  unsubscribeBody: 'You will no longer get the weekly digest by email. You can turn it back on at any time.',
  unsubscribeButton: 'Unsubscribe',
  unsubscribed: 'Done. You will no longer get the weekly digest.',
  unsubscribeInvalid: 'This link is not valid or has expired.',
};

export const ot = featureTranslator({ vi, en });
