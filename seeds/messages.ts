// The demo's private conversations: two between demo members (no staff among them, so no staff member reads them), one unread.
import { RENDERER_VERSION, renderMarkdown } from '../schema/markdown/render.ts';
import { directConversationId } from '../schema/message/ids.ts';
import { Conversation, ConversationMember, Message } from '../schema/message/model.ts';
import { demoExpertId, stableId } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

interface DemoConversation {
  key: string;
  people: string[];
  /** [author's handle, text, minutes before the demo's "now"], oldest first. */
  messages: [string, string, number][];
}

const CONVERSATIONS: DemoConversation[] = [
  {
    key: 'namvh-thaohtp',
    people: ['namvh', 'thaohtp'],
    messages: [
      ['namvh', 'Chào chị Thảo, tỉnh em đang chuẩn bị kết nối **LGSP** với nền tảng dữ liệu quốc gia. Chị có thể chia sẻ kinh nghiệm không ạ?', 180],
      ['thaohtp', 'Chào em. Chị gửi em bộ tài liệu hướng dẫn kết nối, phần khó nhất là chuẩn hóa danh mục dùng chung.', 150],
      ['thaohtp', 'Khi nào em rảnh mình trao đổi thêm qua điện thoại nhé.', 149],
    ],
  },
  {
    key: 'hau.dc-manhld-nhungtth',
    people: ['hau.dc', 'manhld', 'nhungtth'],
    messages: [
      ['hau.dc', 'Nhóm mình tổng hợp kinh nghiệm thuê dịch vụ CNTT để gửi diễn đàn nhé.', 300],
      ['manhld', 'Đồng ý, em phụ trách phần dự toán.', 290],
    ],
  },
];

/** Adds the demo conversations that are missing (or, with `reset`, puts them back as they were: the last message unread by the others). */
export async function loadDemoConversations(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  // A fixed moment, so that a second load writes nothing.
  const base = new Date('2026-11-30T09:00:00+07:00').getTime();
  const at = (minutesBefore: number) => new Date(base - minutesBefore * 60_000);
  const units: DemoUnit[] = CONVERSATIONS.map((c) => {
    const people = c.people.map((handle) => String(demoExpertId(handle)));
    const id = people.length === 2 ? directConversationId(people[0]!, people[1]!) : stableId('conversation', c.key).toHexString();
    const last = c.messages.at(-1)!;
    const lastAt = at(last[2]);
    const messages = c.messages.map(([author, body, minutes], i) => ({
      _id: stableId('message', `${c.key}/${i}`),
      conversation: id,
      author: demoExpertId(author),
      body,
      bodyHtml: renderMarkdown(body),
      bodyVersion: RENDERER_VERSION,
      hiddenAt: null,
      createdAt: at(minutes),
      updatedAt: at(minutes),
    }));
    const members = c.people.map((handle) => ({
      _id: `${encodeURIComponent(id)}:${encodeURIComponent(String(demoExpertId(handle)))}`,
      conversation: id,
      expert: demoExpertId(handle),
      lastMessageAt: lastAt,
      // The last message is unread by everyone but its writer.
      unreadCount: handle === last[0] ? 0 : 1,
      lastReadAt: handle === last[0] ? lastAt : null,
    }));
    return {
      head: {
        _id: id,
        kind: people.length === 2 ? 'direct' : 'group',
        participants: c.people.map(demoExpertId),
        startedBy: demoExpertId(c.people[0]!),
        lastMessageAt: lastAt,
        messageCount: messages.length,
        createdAt: at(c.messages[0]![2]),
      },
      parts: [
        [ConversationMember, members],
        [Message, messages],
      ],
    };
  });
  return options.reset ? resetUnits(Conversation, units) : addMissingUnits(Conversation, units);
}
