import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { configureEmail } from '../../schema/email/mailer.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Notification } from '../../schema/notification/model.ts';
import { sendDueNotificationEmails } from '../../schema/notification/outbox.ts';
import { Practice } from '../../schema/practice/model.ts';
import { createLogger } from '../../server/logger.ts';
import { globalId, personWithAccount, signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';
import { useMailbox } from '../helpers/mailbox.ts';

/*
 * Notifications: each kind produced by the real action through GraphQL, never for one's own
 * action nor for what the recipient may not see (also once it is hidden afterwards), per-kind
 * preferences, marking read, nobody else's reachable, hostile input refused, and the email
 * outbox sending each due email once even with two senders racing.
 */

useTestDatabase();
const mailbox = useMailbox();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  await createReferenceData();
  await signInPeople(
    { asker: 'member', helper: 'member', other: 'member', follower: 'member', curator: 'curator', moderator: 'moderator', newcomer: { role: 'member', joinedDaysAgo: 1 } },
    cookies,
    ids,
  );
});
beforeEach(async () => {
  resetRateLimits();
  await Notification.deleteMany({});
});

const RESULT = `__typename ... on Error { code message }`;
const NOTIFICATIONS = `{ viewer { unreadNotificationCount notifications(first: 20) { edges { node { id kind actor { handle } targetType targetTitle url detail read } } } } }`;

async function mutate(name: string, input: Record<string, unknown>, who: string, select = '') {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ${select} } }`, { input }, { cookie: cookies[who] });
  expect(response.errors).toBeUndefined();
  return response.data[name];
}

interface Shown {
  id: string;
  kind: string;
  actor: { handle: string } | null;
  targetType: string;
  targetTitle: string | null;
  url: string;
  detail: string | null;
  read: boolean;
}
async function inbox(who: string): Promise<{ count: number; items: Shown[] }> {
  const response = await graphql(NOTIFICATIONS, {}, { cookie: cookies[who] });
  expect(response.errors).toBeUndefined();
  return { count: response.data.viewer.unreadNotificationCount, items: response.data.viewer.notifications.edges.map((e: { node: Shown }) => e.node) };
}
const kinds = async (who: string) => (await inbox(who)).items.map((n) => n.kind);

let serial = 0;
async function thread(who: string, kind = 'DISCUSSION', body = 'Nội dung') {
  const created = await mutate('createThread', { kind, title: `Chủ đề thử ${++serial}`, body, topics: [] }, who, '... on CreateThreadPayload { thread { id title } }');
  return created.thread as { id: string; title: string };
}
async function reply(who: string, threadId: string, body = 'Trả lời', parentId?: string) {
  const created = await mutate('replyToThread', { threadId, body, ...(parentId ? { parentId } : {}) }, who, '... on ReplyToThreadPayload { reply { id } }');
  return created.reply as { id: string } | undefined;
}

describe('Notifications of discussions', () => {
  it('tell a thread’s author of a reply, and the author of the reply answered, never the writer', async () => {
    const t = await thread('asker');
    const first = await reply('helper', t.id, 'Tôi có kinh nghiệm');
    const { count, items } = await inbox('asker');
    expect(count).toBe(1);
    expect(items).toEqual([
      { id: expect.any(String), kind: 'REPLY', actor: { handle: 'helper' }, targetType: 'REPLY', targetTitle: t.title, url: `/threads/${t.id}#reply-${first!.id}`, detail: null, read: false },
    ]);
    expect(await kinds('helper')).toEqual([]);

    await reply('other', t.id, 'Cho tôi hỏi thêm', first!.id);
    expect(await kinds('helper')).toEqual(['REPLY']);
    expect(await kinds('asker')).toEqual(['REPLY', 'REPLY']);
    // Replying in one's own thread tells nobody but the others concerned.
    await reply('asker', t.id, 'Cảm ơn');
    expect((await inbox('asker')).count).toBe(2);
  });

  it('tell a thread’s followers of a reply, by choice or as earlier repliers, once each; never after they stop following', async () => {
    const t = await thread('asker');
    const follow = (who: string, following: boolean) => mutate('followThread', { id: t.id, following }, who, '... on FollowThreadPayload { thread { viewerFollows } }');
    await follow('other', true);
    const before = { other: (await inbox('other')).count, helper: (await inbox('helper')).count };
    await reply('helper', t.id, 'Tôi tham gia');
    // The follower hears of it as a reply; the writer does not; the author hears once.
    expect((await inbox('other')).count).toBe(before.other + 1);
    expect((await inbox('other')).items[0]).toMatchObject({ kind: 'REPLY', actor: { handle: 'helper' }, targetTitle: t.title });
    expect((await inbox('asker')).items.filter((n) => n.targetTitle === t.title)).toHaveLength(1);

    // Having replied, the helper follows the thread and hears of the next reply.
    await follow('other', false);
    await reply('asker', t.id, 'Cảm ơn anh');
    expect((await inbox('helper')).count).toBe(before.helper + 1);
    expect((await inbox('other')).count).toBe(before.other + 1);
  });

  it('tell an asker of an answer, and an answerer of the acceptance (not when accepting one’s own)', async () => {
    const q = await thread('asker', 'QUESTION');
    const answer = await reply('helper', q.id, 'Câu trả lời');
    expect(await kinds('asker')).toEqual(['ANSWER']);
    expect((await mutate('acceptAnswer', { replyId: answer!.id }, 'asker')).__typename).toBe('AcceptAnswerPayload');
    const helper = await inbox('helper');
    expect(helper.items).toMatchObject([{ kind: 'ANSWER_ACCEPTED', actor: { handle: 'asker' }, targetTitle: q.title }]);

    const own = await reply('asker', q.id, 'Tôi tự trả lời');
    expect((await mutate('acceptAnswer', { replyId: own!.id }, 'asker')).__typename).toBe('AcceptAnswerPayload');
    expect(await kinds('asker')).toEqual(['ANSWER']);
  });

  it('tell the people a thread or a reply mentions, once each; an unknown handle tells nobody', async () => {
    await thread('asker', 'DISCUSSION', 'Hỏi ý kiến @helper và @khong-ai-co');
    expect(await kinds('helper')).toEqual(['MENTION']);
    const t = await thread('other');
    // The thread's author is told of the reply once, not also of the mention.
    await reply('helper', t.id, 'Mời @other và @follower cùng xem');
    expect(await kinds('other')).toEqual(['REPLY']);
    expect(await kinds('follower')).toEqual(['MENTION']);
  });

  it('wait for a new member’s post to be approved, then tell', async () => {
    const t = await thread('asker');
    const waiting = await reply('newcomer', t.id, 'Bài đầu tiên của tôi, nhắc @helper');
    expect(await kinds('asker')).toEqual([]);
    expect(await kinds('helper')).toEqual([]);
    expect((await mutate('approvePost', { replyId: waiting!.id }, 'moderator')).__typename).toBe('ApprovePostPayload');
    expect(await kinds('asker')).toEqual(['REPLY']);
    expect(await kinds('helper')).toEqual(['MENTION']);
  });

  it('stop showing (and counting) what was hidden since: a reply, a whole thread', async () => {
    const t = await thread('asker');
    const spam = await reply('helper', t.id, 'Quảng cáo');
    await reply('other', t.id, 'Góp ý thật');
    expect((await inbox('asker')).count).toBe(2);
    expect((await mutate('hideContent', { replyId: spam!.id, reason: 'Quảng cáo trá hình' }, 'moderator')).__typename).toBe('HideContentPayload');
    const after = await inbox('asker');
    expect(after.count).toBe(1);
    expect(after.items.map((n) => n.actor?.handle)).toEqual(['other']);

    const mentioned = await thread('other', 'DISCUSSION', 'Gửi @follower');
    expect((await inbox('follower')).count).toBe(1);
    expect((await mutate('hideContent', { threadId: mentioned.id, reason: 'Nội dung không phù hợp' }, 'moderator')).__typename).toBe('HideContentPayload');
    expect(await inbox('follower')).toEqual({ count: 0, items: [] });
  });
});

describe('Notifications of practices and verification', () => {
  const practiceGid = (id: string) => globalId('Practice', id);
  async function submitted(): Promise<string> {
    const practice = await Practice.create({
      title: `Thực tiễn thử ${++serial}`,
      summary: 'Một cổng dữ liệu dùng chung',
      problem: 'Dữ liệu rải rác',
      solution: 'Kết nối',
      results: 'Giảm 40% thời gian',
      stage: 'operating',
      year: 2024,
      organization: 'so-khcn-da-nang',
      place: 'da-nang',
      topics: ['du-lieu-so'],
      authors: [ids.asker!],
      status: 'draft',
    });
    const id = String(practice._id);
    expect((await mutate('submitPractice', { id: practiceGid(id) }, 'asker')).__typename).toBe('SubmitPracticePayload');
    return id;
  }

  it('tell the authors their practice was published, featured, collected or returned, and a topic’s followers of a new practice', async () => {
    await mutate('followTopic', { topic: 'du-lieu-so', following: true }, 'follower');
    await mutate('followTopic', { topic: 'du-lieu-so', following: true }, 'asker');
    const id = await submitted();
    expect((await mutate('publishPractice', { id: practiceGid(id) }, 'curator')).__typename).toBe('PublishPracticePayload');
    expect((await inbox('asker')).items).toMatchObject([{ kind: 'PRACTICE_PUBLISHED', actor: { handle: 'curator' }, url: `/practices/${practiceGid(id)}` }]);
    // The author follows the topic too: told once, of the publication.
    expect(await kinds('follower')).toEqual(['TOPIC_PRACTICE']);
    expect(await kinds('curator')).toEqual([]);

    expect((await mutate('featurePractice', { id: practiceGid(id), featured: true }, 'curator')).__typename).toBe('FeaturePracticePayload');
    const collection = await mutate('createCollection', { title: `Bộ sưu tập ${++serial}` }, 'curator', '... on CreateCollectionPayload { collection { id slug } }');
    await mutate('addCollectionItem', { collectionId: collection.collection.id, practiceId: practiceGid(id), note: 'Tiêu biểu' }, 'curator');
    // A collection still in draft is not the author's to see yet; once published, it is.
    expect(await inbox('asker')).toMatchObject({ count: 2, items: [{ kind: 'PRACTICE_FEATURED' }, { kind: 'PRACTICE_PUBLISHED' }] });
    expect((await mutate('publishCollection', { id: collection.collection.id }, 'curator')).__typename).toBe('PublishCollectionPayload');
    expect((await inbox('asker')).items[0]).toMatchObject({ kind: 'PRACTICE_COLLECTED', url: `/collections/${collection.collection.slug}`, targetTitle: expect.stringContaining('Bộ sưu tập') });

    // Taken down since: its notifications are no longer shown to those who may not read it now.
    expect((await mutate('unpublishPractice', { id: practiceGid(id), reason: 'Số liệu chưa được xác minh' }, 'curator')).__typename).toBe('UnpublishPracticePayload');
    expect(await kinds('follower')).toEqual([]);

    const other = await submitted();
    expect((await mutate('returnPractice', { id: practiceGid(other), reason: 'Cần thêm số liệu cụ thể về kết quả.' }, 'curator')).__typename).toBe('ReturnPracticePayload');
    expect((await inbox('asker')).items[0]).toMatchObject({ kind: 'PRACTICE_RETURNED' });
  });

  it('tell a person their verification request was decided', async () => {
    const asked = await mutate('requestVerification', { statement: 'Trưởng phòng CNTT, học viên khóa 100 chuyên gia năm 2019.' }, 'other', '... on RequestVerificationPayload { request { id } }');
    expect((await mutate('decideVerification', { requestId: asked.request.id, approve: true }, 'curator')).__typename).toBe('DecideVerificationPayload');
    expect((await inbox('other')).items).toMatchObject([{ kind: 'VERIFICATION_DECIDED', detail: 'approved', url: '/settings/verification', targetTitle: null }]);
  });
});

describe('The notification centre', () => {
  it('marks one, then all, read; only one’s own: someone else’s id changes nothing', async () => {
    const t = await thread('asker');
    await reply('helper', t.id);
    await reply('other', t.id);
    const mine = (await inbox('asker')).items;
    const t2 = await thread('helper');
    await reply('other', t2.id);
    const theirs = (await inbox('helper')).items[0]!;

    const foreign = await mutate('markNotificationsRead', { ids: [mine[0]!.id, theirs.id] }, 'asker', '... on NotificationsReadPayload { unreadNotificationCount }');
    expect(foreign).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect((await inbox('asker')).count).toBe(2);
    expect((await inbox('helper')).items[0]!.read).toBe(false);

    const one = await mutate('markNotificationsRead', { ids: [mine[0]!.id] }, 'asker', '... on NotificationsReadPayload { unreadNotificationCount }');
    expect(one).toEqual({ __typename: 'NotificationsReadPayload', unreadNotificationCount: 1 });
    const unread = await graphql(`{ viewer { notifications(first: 5, unreadOnly: true) { edges { node { id } } } } }`, {}, { cookie: cookies.asker });
    expect(unread.data.viewer.notifications.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([mine[1]!.id]);

    for (let i = 0; i < 2; i++) {
      expect(await graphql(`mutation { markAllNotificationsRead { ${RESULT} ... on NotificationsReadPayload { unreadNotificationCount } } }`, {}, { cookie: cookies.asker })).toMatchObject({
        data: { markAllNotificationsRead: { __typename: 'NotificationsReadPayload', unreadNotificationCount: 0 } },
      });
    }
    expect((await inbox('asker')).items.map((n) => n.read)).toEqual([true, true]);
    // The helper's own stay unread: the reply in their thread, and the one after theirs in the asker's.
    expect((await inbox('helper')).count).toBe(2);
  });

  it('pages newest first', async () => {
    const t = await thread('asker');
    for (let i = 0; i < 3; i++) await reply(['helper', 'other', 'follower'][i]!, t.id, `Trả lời ${i}`);
    const page = async (after?: string) =>
      (
        await graphql(
          `query ($after: String) { viewer { notifications(first: 2, after: $after) { edges { node { actor { handle } } } pageInfo { hasNextPage endCursor } } } }`,
          { after },
          { cookie: cookies.asker },
        )
      ).data.viewer.notifications;
    const first = await page();
    expect(first.edges.map((e: { node: { actor: { handle: string } } }) => e.node.actor.handle)).toEqual(['follower', 'other']);
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e: { node: { actor: { handle: string } } }) => e.node.actor.handle)).toEqual(['helper']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('shows nobody else’s notifications, and nothing to visitors', async () => {
    const t = await thread('asker');
    await reply('helper', t.id);
    const peek = await graphql(
      `query ($handle: String!) { expert(handle: $handle) { notifications(first: 5) { edges { node { id } } } unreadNotificationCount notificationPreferences { kind } } }`,
      { handle: 'asker' },
      { cookie: cookies.helper },
    );
    expect(peek.data.expert).toEqual({ notifications: null, unreadNotificationCount: null, notificationPreferences: null });
    expect((await graphql(`mutation { markAllNotificationsRead { ${RESULT} } }`)).data.markAllNotificationsRead.code).toBe('NOT_AUTHORIZED');
  });

  it('refuses hostile input with a typed error and changes nothing', async () => {
    const t = await thread('asker');
    await reply('helper', t.id);
    const mark = (input: unknown) => graphql(`mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { ${RESULT} } }`, { input }, { cookie: cookies.asker });
    expect((await mark({ ids: ['not-an-id'] })).data.markNotificationsRead.__typename).toBe('ValidationError');
    expect((await mark({ ids: [] })).data.markNotificationsRead.__typename).toBe('ValidationError');
    expect((await mark({ ids: Array.from({ length: 101 }, () => '0123456789abcdef01234567') })).data.markNotificationsRead.__typename).toBe('ValidationError');
    expect((await mark({ ids: ['0123456789abcdef01234567'] })).data.markNotificationsRead.code).toBe('NOT_FOUND');
    const badKind = await graphql(`mutation { setNotificationPreference(input: { kind: SPAM, delivery: EMAIL }) { ${RESULT} } }`, {}, { cookie: cookies.asker });
    expect(badKind.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badKindVariable = await graphql(
      `mutation ($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { ${RESULT} } }`,
      { input: { kind: 'reply', delivery: 'EMAIL' } },
      { cookie: cookies.asker },
    );
    expect(badKindVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await graphql(`{ viewer { notifications(first: 5, after: "bm90LWEtY3Vyc29y") { edges { node { id } } } } }`, {}, { cookie: cookies.asker });
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await inbox('asker')).toMatchObject({ count: 1 });
    const prefs = await graphql(`{ viewer { notificationPreferences { kind isDefault } } }`, {}, { cookie: cookies.asker });
    expect(prefs.data.viewer.notificationPreferences.every((p: { isDefault: boolean }) => p.isDefault)).toBe(true);
  });
});

describe('Preferences and email', () => {
  const setPreference = async (who: string, kind: string, delivery: string) =>
    (
      await graphql(
        `mutation { setNotificationPreference(input: { kind: ${kind}, delivery: ${delivery} }) { ${RESULT} ... on SetNotificationPreferencePayload { preferences { kind delivery isDefault } } } }`,
        {},
        { cookie: cookies[who] },
      )
    ).data.setNotificationPreference;

  it('lists every kind with its default, and respects NONE and IN_APP', async () => {
    const prefs = (await graphql(`{ viewer { notificationPreferences { kind delivery isDefault } } }`, {}, { cookie: cookies.other })).data.viewer.notificationPreferences;
    expect(prefs).toContainEqual({ kind: 'REPLY', delivery: 'IN_APP', isDefault: true });
    expect(prefs).toContainEqual({ kind: 'MENTION', delivery: 'EMAIL', isDefault: true });
    expect(prefs).toContainEqual({ kind: 'TASK_ASSIGNED', delivery: 'EMAIL', isDefault: true });
    expect(prefs).toHaveLength(13);
    const set = await setPreference('other', 'REPLY', 'NONE');
    expect(set.preferences).toContainEqual({ kind: 'REPLY', delivery: 'NONE', isDefault: false });
    const t = await thread('other', 'DISCUSSION', 'Xin ý kiến');
    await reply('helper', t.id, 'Một ý kiến, nhắc @other');
    expect(await kinds('other')).toEqual([]);
    await setPreference('other', 'REPLY', 'IN_APP');
    await reply('helper', t.id, 'Thêm một ý');
    expect(await kinds('other')).toEqual(['REPLY']);
    await sendDueNotificationEmails();
    expect(await mailbox.to('other@example.vn')).toEqual([]);
  });

  it('emails a verified address once, in its language, with links, even with two senders racing; not an unverified one', async () => {
    const english = await personWithAccount('anhdao', 'Đào Anh');
    const unverified = await personWithAccount('chuaxacnhan', 'Lê Chưa Xác Nhận');
    await Account.updateOne({ _id: english.id }, { $set: { language: 'en' } });
    await Account.updateOne({ _id: unverified.id }, { $set: { emailVerifiedAt: null } });
    cookies.anhdao = await sessionCookieFor(english.id);
    cookies.chuaxacnhan = await sessionCookieFor(unverified.id);
    await setPreference('anhdao', 'REPLY', 'EMAIL');
    await setPreference('chuaxacnhan', 'REPLY', 'EMAIL');
    const t1 = await thread('anhdao', 'DISCUSSION', 'Hỏi <b>về</b> dữ liệu');
    const t2 = await thread('chuaxacnhan');
    await reply('helper', t1.id, 'Trả lời thứ nhất');
    await reply('other', t1.id, 'Trả lời thứ hai');
    await reply('helper', t2.id, 'Trả lời');

    const sent = await Promise.all([sendDueNotificationEmails(), sendDueNotificationEmails()]);
    expect(sent[0]! + sent[1]!).toBe(2);
    expect(await sendDueNotificationEmails(new Date(Date.now() + 3_600_000))).toBe(0);
    const mails = await mailbox.all();
    expect(mails.map((m) => m.envelope.to)).toEqual([[english.email], [english.email]]);
    const mail = mails[0]!;
    expect(mail.parsed.subject).toMatch(/replied to you in “Chủ đề thử \d+”/);
    expect(mail.parsed.text).toContain(`http://site.test/threads/${t1.id}#reply-`);
    expect(mail.parsed.text).toContain('http://site.test/settings/notifications');
    expect(mail.parsed.html).toContain('Hello Đào Anh');
    expect(await mailbox.to(unverified.email)).toEqual([]);
    expect(await Notification.countDocuments({ emailState: 'due' })).toBe(0);
  });

  it('keeps a name with line breaks out of the headers: no header of its own, no other recipient', async () => {
    const person = await personWithAccount('thuba', 'Phạm Thử Ba');
    cookies.thuba = await sessionCookieFor(person.id);
    await setPreference('thuba', 'MENTION', 'EMAIL');
    await Expert.updateOne({ _id: ids.other }, { $set: { name: 'Kẻ Xấu\r\nBcc: attacker@evil.test\r\nX-Injected: 1' } });
    try {
      await thread('other', 'DISCUSSION', 'Gửi @thuba');
      expect(await sendDueNotificationEmails()).toBe(1);
    } finally {
      await Expert.updateOne({ _id: ids.other }, { $set: { name: 'Người Khác' } });
    }
    const [mail] = await mailbox.all();
    expect(mail!.envelope.to).toEqual([person.email]);
    expect(mail!.parsed.headers.has('bcc')).toBe(false);
    expect(mail!.parsed.headers.has('x-injected')).toBe(false);
    expect(mail!.parsed.subject).toContain('Kẻ Xấu Bcc: attacker@evil.test X-Injected: 1 đã nhắc đến bạn');
  });

  it('keeps an email that could not be sent and sends it on a later round', async () => {
    const person = await personWithAccount('thuhai', 'Phạm Thử Hai');
    cookies.thuhai = await sessionCookieFor(person.id);
    await setPreference('thuhai', 'REPLY', 'EMAIL');
    const t = await thread('thuhai');
    await reply('helper', t.id, 'Trả lời khi máy chủ thư hỏng');
    configureEmail({ NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:1', MAIL_FROM: 'no-reply@chuyengia.test', siteUrl: 'http://site.test' }, createLogger('silent', false));
    try {
      expect(await sendDueNotificationEmails()).toBe(0);
    } finally {
      configureEmail({ NODE_ENV: 'test', SMTP_URL: mailbox.smtpUrl(), MAIL_FROM: 'no-reply@chuyengia.test', siteUrl: 'http://site.test' }, createLogger('silent', false));
    }
    expect(await Notification.countDocuments({ emailState: 'due' })).toBe(1);
    // Not before its wait is over, then once.
    expect(await sendDueNotificationEmails()).toBe(0);
    expect(await sendDueNotificationEmails(new Date(Date.now() + 2 * 60_000))).toBe(1);
    expect((await mailbox.all()).map((m) => m.envelope.to)).toEqual([[person.email]]);
  });
});
