import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { MESSAGE_LIMITS } from '../../schema/field-limits.ts';
import { RATE_LIMITS, resetRateLimits } from '../../schema/limits.ts';
import { Notification } from '../../schema/notification/model.ts';
import { anyOf } from '../../schema/query.ts';
import { Block, Conversation, ConversationMember, Message, MessageReport } from '../../schema/message/model.ts';
import { loadDemoConversations } from '../../seeds/messages.ts';
import { demoExpertId, readData } from '../../seeds/records.ts';
import { DAY, globalId, signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, yoga } from '../helpers/graphql.ts';

/*
 * Private messages (issue 12, item 4): one-to-one and small-group conversations, unread counts,
 * blocking, reports to moderators (the only way staff read a message), and the limits that keep
 * a directory of officials from becoming a spammer's address book.
 */

useTestDatabase();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  await createReferenceData();
  await signInPeople(
    {
      anh: { joinedDaysAgo: 400 },
      binh: { joinedDaysAgo: 400 },
      chi: { joinedDaysAgo: 400 },
      dung: { joinedDaysAgo: 400 },
      moi: { joinedDaysAgo: 1 },
      dieuhanh: { role: 'moderator', joinedDaysAgo: 400 },
      quantri: { role: 'admin', joinedDaysAgo: 400 },
      noisy: { joinedDaysAgo: 400 },
    },
    cookies,
    ids,
  );
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const as = (who: string) => ({ cookie: cookies[who] });
const gid = (who: string) => globalId('Expert', ids[who]!);

async function act(name: string, input: Record<string, unknown>, who: string, selection = '') {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${type}Input!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, as(who));
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data[name];
}

const SENT = `... on StartConversationPayload { conversation { id kind } sent { id html mine } }`;
const start = (who: string, to: string[], body: string) => act('startConversation', { recipientIds: to.map(gid), body }, who, SENT);
const send = (who: string, conversationId: string, body: string) => act('sendMessage', { conversationId, body }, who, '... on SendMessagePayload { conversation { id } sent { id html } }');

async function inbox(who: string) {
  const response = await graphql(
    `{ viewer { unreadMessageCount conversations(first: 20) { edges { node { id kind unreadCount participants { handle } lastMessage { html author { handle } } } } } } }`,
    {},
    as(who),
  );
  return response.data.viewer as { unreadMessageCount: number; conversations: { edges: { node: any }[] } };
}

const readConversation = (who: string, id: string) =>
  graphql(`query ($id: ID!) { conversation(id: $id) { id unreadCount messages(first: 20) { edges { node { id html hidden mine author { handle } } } } } }`, { id }, as(who));

/** Everything the messages feature stores, to prove a refusal changed nothing. */
const stored = async () => ({
  conversations: await Conversation.countDocuments(),
  members: await ConversationMember.countDocuments(),
  messages: await Message.countDocuments(),
  blocks: await Block.countDocuments(),
  reports: await MessageReport.countDocuments(),
});

describe('Messages', () => {
  it('starts a one-to-one conversation, reuses it the next time, and counts what each has not read', async () => {
    const first = await start('anh', ['binh'], 'Chào anh, em muốn hỏi về **LGSP** của tỉnh.');
    expect(first.__typename).toBe('StartConversationPayload');
    expect(first.conversation.kind).toBe('DIRECT');
    expect(first.sent.html).toContain('<strong>LGSP</strong>');
    const again = await start('anh', ['binh'], 'Anh có tài liệu không ạ?');
    expect(again.conversation.id).toBe(first.conversation.id);
    // The other way round is the same conversation too.
    const back = await start('binh', ['anh'], 'Có, để anh gửi.');
    expect(back.conversation.id).toBe(first.conversation.id);

    // Writing means having read: An has one unread (Bình's), Bình none.
    expect((await inbox('anh')).unreadMessageCount).toBe(1);
    expect((await inbox('binh')).unreadMessageCount).toBe(0);
    await send('anh', first.conversation.id, 'Cảm ơn anh.');
    await send('anh', first.conversation.id, 'Em chờ tài liệu.');
    const binh = await inbox('binh');
    expect(binh.unreadMessageCount).toBe(2);
    expect(binh.conversations.edges[0]!.node).toMatchObject({ id: first.conversation.id, unreadCount: 2, lastMessage: { html: '<p>Em chờ tài liệu.</p>\n', author: { handle: 'anh' } } });

    const read = await act('markConversationRead', { conversationId: first.conversation.id }, 'binh', '... on MarkConversationReadPayload { conversation { unreadCount } }');
    expect(read.conversation.unreadCount).toBe(0);
    expect((await inbox('binh')).unreadMessageCount).toBe(0);
    const messages = (await readConversation('binh', first.conversation.id)).data.conversation.messages.edges.map((e: any) => e.node);
    expect(messages.map((m: any) => m.author.handle)).toEqual(['anh', 'anh', 'binh', 'anh', 'anh']);
    expect(messages[2].mine).toBe(true);
  });

  it('lists conversations latest message first, and a group conversation of up to the limit', async () => {
    const older = await start('chi', ['dung'], 'Tin cũ.');
    const group = await start('chi', ['anh', 'binh'], 'Họp nhóm về dữ liệu mở.');
    expect(group.conversation.kind).toBe('GROUP');
    let list = (await inbox('chi')).conversations.edges.map((e) => e.node.id);
    expect(list.slice(0, 2)).toEqual([group.conversation.id, older.conversation.id]);
    await send('dung', older.conversation.id, 'Tin mới hơn.');
    list = (await inbox('chi')).conversations.edges.map((e) => e.node.id);
    expect(list.slice(0, 2)).toEqual([older.conversation.id, group.conversation.id]);
    const groupInList = (await inbox('anh')).conversations.edges.find((e) => e.node.id === group.conversation.id)!.node;
    expect(groupInList.participants.map((p: any) => p.handle).sort()).toEqual(['anh', 'binh', 'chi']);
  });

  it('makes one conversation when two people start it at the same moment, many times over', async () => {
    const [x, y] = await Promise.all([createExpert({ handle: 'dua1' }), createExpert({ handle: 'dua2' })]);
    for (const [handle, expert] of [
      ['dua1', x],
      ['dua2', y],
    ] as const) {
      ids[handle] = String(expert._id);
      const { sessionCookieFor } = await import('../helpers/graphql.ts');
      cookies[handle] = await sessionCookieFor(String(expert._id));
    }
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? start('dua1', ['dua2'], `Chào ${i}`) : start('dua2', ['dua1'], `Chào ${i}`))));
    expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
    expect(await ConversationMember.countDocuments({ expert: ids.dua1 })).toBe(1);
    expect(await Message.countDocuments({ conversation: results[0].conversation.id })).toBe(6);
    // Each got the three messages of the other as unread, whatever the order the writes met in.
    const counts = [(await inbox('dua1')).unreadMessageCount, (await inbox('dua2')).unreadMessageCount];
    expect(counts[0]! + counts[1]!).toBeLessThanOrEqual(6);
    expect(await ConversationMember.countDocuments({ conversation: results[0].conversation.id })).toBe(2);
  });

  it('refuses bad input with a typed error each, changing nothing', async () => {
    const { conversation } = await start('anh', ['chi'], 'Xin chào.');
    await Expert.updateOne({ _id: ids.noisy }, { $set: { suspendedUntil: new Date(Date.now() + 30 * DAY), suspensionReason: 'Quảng cáo' } });
    const before = await stored();
    expect((await start('anh', ['anh'], 'Tự nhắn')).fieldErrors).toEqual([{ path: 'recipientIds', code: 'SELF' }]);
    expect((await start('anh', ['binh'], '   ')).fieldErrors).toEqual([{ path: 'body', code: 'REQUIRED' }]);
    expect((await start('anh', ['binh'], 'x'.repeat(MESSAGE_LIMITS.body + 1))).fieldErrors).toEqual([{ path: 'body', code: 'TOO_LONG' }]);
    const many = Array.from({ length: MESSAGE_LIMITS.participants }, (_, i) => globalId('Expert', `0123456789abcdef0123456${i.toString(16)}`));
    expect((await act('startConversation', { recipientIds: many, body: 'Chào cả nhà' }, 'anh', SENT)).fieldErrors).toEqual([{ path: 'recipientIds', code: 'TOO_MANY' }]);
    expect((await act('startConversation', { recipientIds: [], body: 'Chào' }, 'anh', SENT)).fieldErrors).toEqual([{ path: 'recipientIds', code: 'REQUIRED' }]);
    expect((await act('startConversation', { recipientIds: [globalId('Expert', '0123456789abcdef01234567')], body: 'Chào' }, 'anh', SENT)).code).toBe('NOT_FOUND');
    expect((await act('startConversation', { recipientIds: ['{"$ne":1}'], body: 'Chào' }, 'anh', SENT)).code).toBe('VALIDATION_FAILED');
    const suspended = await start('anh', ['noisy'], 'Chào');
    expect(suspended.code).toBe('CONFLICT');
    // A conversation one is not in, and ids that name nothing.
    expect((await send('dung', conversation.id, 'Xen vào')).code).toBe('NOT_FOUND');
    expect((await send('anh', 'direct-0123456789abcdef01234567-0123456789abcdef01234568', 'Chào')).code).toBe('NOT_FOUND');
    expect((await send('anh', '../etc', 'Chào')).code).toBe('VALIDATION_FAILED');
    expect((await act('markConversationRead', { conversationId: conversation.id }, 'dung')).code).toBe('NOT_FOUND');
    expect((await act('leaveConversation', { conversationId: conversation.id }, 'anh')).code).toBe('CONFLICT');
    expect((await act('blockExpert', { expertId: gid('anh') }, 'anh')).fieldErrors).toEqual([{ path: 'expertId', code: 'SELF' }]);
    expect((await graphql(`mutation { sendMessage(input: { conversationId: "${conversation.id}", body: "Ẩn danh" }) { ${RESULT} } }`)).data.sendMessage.code).toBe('NOT_AUTHORIZED');
    expect(await stored()).toEqual(before);
  });

  it('keeps conversations from staff and everyone else, through every path', async () => {
    const { conversation } = await start('anh', ['dung'], 'Chuyện riêng: số điện thoại của em là 0912.');
    for (const who of ['dieuhanh', 'quantri', 'chi']) {
      const response = await readConversation(who, conversation.id);
      expect(response.errors?.[0]?.extensions?.code, who).toBe('NOT_FOUND');
      expect(response.data?.conversation ?? null).toBeNull();
      const profile = await graphql(`{ expert(handle: "anh") { conversations(first: 5) { edges { node { id } } } unreadMessageCount } }`, {}, as(who));
      expect(profile.data.expert).toEqual({ conversations: null, unreadMessageCount: null });
    }
    const queue = await graphql(`{ messageReports(first: 50) { edges { node { message { html } } } } }`, {}, as('quantri'));
    expect(JSON.stringify(queue.data)).not.toContain('0912');
    const search = await graphql(`{ search(query: "0912", first: 10) { edges { node { __typename } } } }`, {}, as('quantri'));
    expect(search.data?.search?.edges ?? []).toEqual([]);
  });

  it('shows a reported message and the few before it to moderators, who hide or keep it with an audited reason', async () => {
    const { conversation } = await start('binh', ['dung'], 'Chào anh Dũng.');
    await send('dung', conversation.id, 'Chào anh.');
    const bad = await send('binh', conversation.id, 'Mua phần mềm giá rẻ tại trang này!');
    const after = await send('binh', conversation.id, 'Tin sau tin bị báo cáo.');
    // Nobody reports their own message, nor one of a conversation they are not in.
    expect((await act('reportMessage', { messageId: bad.sent.id, reason: 'SPAM' }, 'binh')).code).toBe('NOT_AUTHORIZED');
    expect((await act('reportMessage', { messageId: bad.sent.id, reason: 'SPAM' }, 'chi')).code).toBe('NOT_FOUND');
    expect((await act('reportMessage', { messageId: bad.sent.id, reason: 'OTHER' }, 'dung')).fieldErrors).toEqual([{ path: 'note', code: 'REQUIRED' }]);
    const reported = await act('reportMessage', { messageId: bad.sent.id, reason: 'SPAM', note: 'Quảng cáo' }, 'dung', '... on ReportMessagePayload { counted }');
    expect(reported.counted).toBe(true);
    expect((await act('reportMessage', { messageId: bad.sent.id, reason: 'SPAM' }, 'dung', '... on ReportMessagePayload { counted }')).counted).toBe(false);

    const QUEUE = `{ openMessageReportCount messageReports(first: 10) { edges { node { id reason note reporter { handle } author { handle } message { html } context { html } } } } }`;
    expect((await graphql(QUEUE, {}, as('binh'))).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const queue = await graphql(QUEUE, {}, as('dieuhanh'));
    expect(queue.data.openMessageReportCount).toBe(1);
    const report = queue.data.messageReports.edges[0].node;
    expect(report).toMatchObject({ reason: 'SPAM', note: 'Quảng cáo', reporter: { handle: 'dung' }, author: { handle: 'binh' }, message: { html: '<p>Mua phần mềm giá rẻ tại trang này!</p>\n' } });
    expect(report.context.map((m: any) => m.html)).toEqual(['<p>Chào anh Dũng.</p>\n', '<p>Chào anh.</p>\n']);
    // What came after the report stays private, as does the rest of the conversation.
    expect(JSON.stringify(queue.data)).not.toContain('Tin sau');
    expect((await readConversation('dieuhanh', conversation.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    expect((await act('hideReportedMessage', { reportId: report.id, reason: 'Quảng cáo' }, 'binh')).code).toBe('NOT_AUTHORIZED');
    const hidden = await act('hideReportedMessage', { reportId: report.id, reason: 'Quảng cáo trái phép' }, 'dieuhanh', '... on HideReportedMessagePayload { report { state decidedBy { handle } } }');
    expect(hidden.report).toEqual({ state: 'HIDDEN', decidedBy: { handle: 'dieuhanh' } });
    expect((await act('dismissMessageReport', { reportId: report.id, reason: 'Giữ lại' }, 'dieuhanh')).code).toBe('CONFLICT');
    const seen = (await readConversation('dung', conversation.id)).data.conversation.messages.edges.map((e: any) => e.node);
    expect(seen.find((m: any) => m.id === bad.sent.id)).toMatchObject({ html: null, hidden: true });
    expect(seen.find((m: any) => m.id === after.sent.id).html).toContain('Tin sau');
    const audit = await AuditEntry.findOne({ action: 'message.hidden' }).lean();
    expect(audit).toMatchObject({ reason: 'Quảng cáo trái phép', to: bad.sent.id });
    expect(String(audit!.actor)).toBe(ids.dieuhanh);
    expect(String(audit!.subject)).toBe(ids.binh);
  });

  it('lets a member block another: no new conversation, no one-to-one message, told without blame; unblocking undoes it', async () => {
    const { conversation } = await start('chi', ['binh'], 'Chào chị Bình.');
    const blocked = await act('blockExpert', { expertId: gid('chi') }, 'binh', '... on BlockExpertPayload { expert { handle viewerBlocked } }');
    expect(blocked.expert).toEqual({ handle: 'chi', viewerBlocked: true });
    const list = await graphql(`{ blockedExperts(first: 10) { edges { node { expert { handle } } } } }`, {}, as('binh'));
    expect(list.data.blockedExperts.edges.map((e: any) => e.node.expert.handle)).toEqual(['chi']);
    const before = await stored();
    const refusedStart = await start('chi', ['binh'], 'Chị ơi?');
    expect(refusedStart.code).toBe('NOT_AUTHORIZED');
    expect(refusedStart.message).toBe('This person is not receiving messages from you at the moment.');
    expect((await send('chi', conversation.id, 'Chị ơi?')).code).toBe('NOT_AUTHORIZED');
    // The blocker does not write into it either until they unblock.
    expect((await send('binh', conversation.id, 'Thôi nhé')).code).toBe('CONFLICT');
    expect(await stored()).toEqual(before);
    // In a group, the blocked person still writes, but the blocker is not notified (schema/message/notify.ts).
    const group = await start('anh', ['binh', 'chi'], 'Nhóm ba người.');
    expect((await send('chi', group.conversation.id, 'Xin chào cả nhóm')).__typename).toBe('SendMessagePayload');
    const notified = async (who: string) => Notification.countDocuments({ recipient: ids[who], kind: 'message', actor: ids.chi, targetId: group.conversation.id });
    expect([await notified('anh'), await notified('binh')]).toEqual([1, 0]);

    await act('unblockExpert', { expertId: gid('chi') }, 'binh');
    expect((await send('chi', conversation.id, 'Cảm ơn chị.')).__typename).toBe('SendMessagePayload');
  });

  it('lets a member leave a group: it leaves their list and they can no longer read or write in it', async () => {
    const group = await start('dung', ['anh', 'chi'], 'Nhóm tạm thời.');
    const left = await act('leaveConversation', { conversationId: group.conversation.id }, 'chi', '... on DonePayload { done }');
    expect(left.done).toBe(true);
    expect((await inbox('chi')).conversations.edges.map((e) => e.node.id)).not.toContain(group.conversation.id);
    expect((await readConversation('chi', group.conversation.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await send('chi', group.conversation.id, 'Quay lại')).code).toBe('NOT_FOUND');
    const remaining = await readConversation('anh', group.conversation.id);
    expect(remaining.data.conversation.id).toBe(group.conversation.id);
  });

  it(`lets a new member start ${RATE_LIMITS.newMemberConversations.points} one-to-one conversations a day and no group, and everyone send ${RATE_LIMITS.messages.points} messages a minute`, async () => {
    expect((await start('moi', ['anh', 'binh'], 'Chào mọi người')).code).toBe('NOT_AUTHORIZED');
    const peers = ['anh', 'binh', 'chi', 'dung'];
    for (const peer of peers.slice(0, RATE_LIMITS.newMemberConversations.points)) expect((await start('moi', [peer], 'Chào anh chị')).__typename).toBe('StartConversationPayload');
    const before = await stored();
    expect((await start('moi', [peers[RATE_LIMITS.newMemberConversations.points]!], 'Chào')).code).toBe('RATE_LIMITED');
    expect(await stored()).toEqual(before);
    // Writing on in a conversation they have is not starting one.
    const existing = await start('moi', ['anh'], 'Em hỏi thêm ạ');
    expect(existing.__typename).toBe('StartConversationPayload');

    resetRateLimits();
    const { conversation } = await start('anh', ['dung'], 'Tin một.');
    for (let n = 1; n < RATE_LIMITS.messages.points; n++) expect((await send('anh', conversation.id, `Tin ${n + 1}`)).__typename).toBe('SendMessagePayload');
    expect((await send('anh', conversation.id, 'Tin quá nhiều')).code).toBe('RATE_LIMITED');
  });
});

describe('The demo’s conversations', () => {
  it('are between members only, so no staff member reads them, and a second load writes nothing', async () => {
    const first = await loadDemoConversations();
    expect(first.find((r) => r.collection === 'conversations')).toMatchObject({ inserted: 2 });
    const accounts = readData<never>('demo-accounts.json') as unknown as { staff: Record<string, string> };
    const staff = Object.keys(accounts.staff).map((handle) => String(demoExpertId(handle)));
    expect(staff.length).toBeGreaterThan(0);
    expect(await ConversationMember.countDocuments({ expert: anyOf(staff) })).toBe(0);
    expect(await ConversationMember.countDocuments({ expert: demoExpertId('thaohtp') })).toBe(1);
    const again = await loadDemoConversations();
    expect(again.every((r) => !r.inserted && !r.updated)).toBe(true);
  });
});

/** A subscription over server-sent events, in process: each event's payload in turn. */
async function subscribeAs(who: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await yoga.fetch(
    'http://localhost/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', cookie: cookies[who]! }, body: JSON.stringify({ query, variables }) },
    { clientAddress: '192.0.2.1' },
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const more = async () => {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value ?? new Uint8Array(), { stream: !done });
    return !done;
  };
  return {
    /** Waits for the stream's first keep-alive: the server is listening from then on. */
    async listening(): Promise<void> {
      while (!buffer.includes(':\n\n')) if (!(await more())) return;
      buffer = buffer.replace(':\n\n', '');
    },
    async next(): Promise<any> {
      for (;;) {
        const event = /(?:event: next\n)?data: (.*)\n\n/.exec(buffer);
        if (event) {
          buffer = buffer.slice(event.index + event[0].length);
          return JSON.parse(event[1]!);
        }
        if (!(await more())) return null;
      }
    },
    close: () => reader.cancel(),
  };
}

describe('Live messages', () => {
  it('tell a participant of a new message and of their unread count, and refuse anyone else', async () => {
    const { conversation } = await start('anh', ['dung'], 'Chào anh Dũng, tin trực tiếp.');
    const messages = await subscribeAs('dung', 'subscription ($id: ID!) { conversationMessages(conversationId: $id) { html author { handle } } }', { id: conversation.id });
    await messages.listening();
    const unread = await subscribeAs('dung', 'subscription { unreadMessageCount }');
    const before = (await unread.next()).data.unreadMessageCount;
    await send('anh', conversation.id, 'Tin mới đến ngay.');
    expect((await messages.next()).data.conversationMessages).toEqual({ html: '<p>Tin mới đến ngay.</p>\n', author: { handle: 'anh' } });
    expect((await unread.next()).data.unreadMessageCount).toBe(before + 1);
    await Promise.all([messages.close(), unread.close()]);

    // Pages come and go: each closed subscription lets go of its listener (twelve would pass
    // Node's limit of ten listeners on one topic and make it warn of a leak).
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    for (let page = 0; page < 12; page++) {
      const count = await subscribeAs('dung', 'subscription { unreadMessageCount }');
      await count.next();
      await count.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.off('warning', onWarning);
    expect(warnings).toEqual([]);

    for (const outsider of ['quantri', 'chi']) {
      const refused = await subscribeAs(outsider, 'subscription ($id: ID!) { conversationMessages(conversationId: $id) { html } }', { id: conversation.id });
      const answer = await refused.next();
      expect(answer.errors?.[0]?.extensions?.code, outsider).toBe('NOT_FOUND');
      await refused.close();
    }
  });
});
