import { featureTranslator } from '../../i18n/i18n.ts';

/* The words of co-authorship by consent, beside it (out of the first-load dictionary). en is typed as vi. */

const vi = {
  invitedTitle: 'Bạn được mời đứng tên đồng tác giả',
  invitedBody: (name: string) => `${name} mời bạn cùng đứng tên cách làm này. Tên bạn chỉ hiện khi bạn đồng ý; sau đó bạn cùng sửa được bài.`,
  accept: 'Đồng ý đứng tên',
  decline: 'Từ chối',
  accepted: 'Bạn đã là đồng tác giả của cách làm này.',
  declined: 'Bạn đã từ chối lời mời.',
  pending: 'chờ đồng ý',
  pendingHint: 'Người được thêm sẽ nhận lời mời, và chỉ được ghi tên khi họ đồng ý.',
  invitationsHeading: 'Lời mời đứng tên đồng tác giả',
  invitationsIntro: 'Đọc bài rồi đồng ý hoặc từ chối ngay trên trang của nó.',
  open: 'Đọc và trả lời',
};

const en: typeof vi = {
  invitedTitle: 'You are invited to co-author this practice',
  invitedBody: (name: string) => `${name} invites you to be named as a co-author. Your name shows only if you accept; then you can edit it too.`,
  accept: 'Accept',
  decline: 'Decline',
  accepted: 'You are now a co-author of this practice.',
  declined: 'You declined the invitation.',
  pending: 'awaiting consent',
  pendingHint: 'People you add are invited, and named only once they accept.',
  invitationsHeading: 'Invitations to co-author',
  invitationsIntro: 'Read the practice, then accept or decline on its page.',
  open: 'Read and answer',
};

export const cat = featureTranslator({ vi, en });
