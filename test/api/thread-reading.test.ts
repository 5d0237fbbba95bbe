import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetRateLimits } from '../../schema/limits.ts';
import { signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

/*
 * How far each member has read each thread: the lists count the replies written since ("3 mới"),
 * the thread page marks them and offers the first; private to the reader, and only forward.
 */

useTestDatabase();
const cookies: Record<string, string> = {};

beforeAll(async () => {
  await createReferenceData();
  await signInPeople({ asker: { joinedDaysAgo: 400 }, reader: { joinedDaysAgo: 400 }, other: { joinedDaysAgo: 400 }, mod: { role: 'moderator', joinedDaysAgo: 400 } }, cookies);
});
beforeEach(() => resetRateLimits());

const as = (who: string) => ({ cookie: cookies[who] });
const RESULT = '__typename ... on Error { code }';

async function startThread(who: string) {
  const { data } = await graphql(
    `mutation ($input: CreateThreadInput!) { createThread(input: $input) { ... on CreateThreadPayload { thread { id } } } }`,
    { input: { kind: 'QUESTION', title: 'Tích hợp chữ ký số vào hệ thống một cửa thế nào?', body: 'Xin kinh nghiệm.', topics: [] } },
    as(who),
  );
  return data.createThread.thread.id as string;
}
const reply = (who: string, threadId: string) =>
  graphql(`mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { ${RESULT} } }`, { input: { threadId, body: 'Tỉnh tôi dùng dịch vụ ký số từ xa.' } }, as(who));
const markRead = async (who: string, threadId: string) =>
  (await graphql(`mutation ($input: MarkThreadReadInput!) { markThreadRead(input: $input) { ${RESULT} } }`, { input: { threadId } }, as(who))).data?.markThreadRead;
const readingIn = async (who: string, threadId: string) => {
  const { data } = await graphql(`{ threads(first: 50) { edges { node { id viewerReading { readAt unreadReplyCount } } } } }`, {}, as(who));
  return data.threads.edges.find((e: { node: { id: string } }) => e.node.id === threadId)?.node.viewerReading as { readAt: string; unreadReplyCount: number } | null;
};

describe('Thread reading marks', () => {
  it('counts the replies written since the reader last opened the thread, and none once they read it again', async () => {
    const threadId = await startThread('asker');
    expect(await readingIn('reader', threadId), 'never opened').toBeNull();

    expect((await markRead('reader', threadId)).__typename).toBe('MarkThreadReadPayload');
    const first = await readingIn('reader', threadId);
    expect(first?.unreadReplyCount).toBe(0);

    await reply('other', threadId);
    await reply('asker', threadId);
    expect((await readingIn('reader', threadId))?.unreadReplyCount).toBe(2);
    // Each reader has their own mark: the asker never opened it through the page.
    expect(await readingIn('other', threadId)).toBeNull();

    await markRead('reader', threadId);
    const again = await readingIn('reader', threadId);
    expect(again?.unreadReplyCount).toBe(0);
    expect(Date.parse(again!.readAt)).toBeGreaterThan(Date.parse(first!.readAt));
  });

  it('keeps the mark moving forward when two tabs mark the thread read at once', async () => {
    const threadId = await startThread('asker');
    await reply('other', threadId);
    const marks = await Promise.all(Array.from({ length: 8 }, () => markRead('reader', threadId)));
    expect(marks.map((m) => m.__typename)).toEqual(Array(8).fill('MarkThreadReadPayload'));
    expect((await readingIn('reader', threadId))?.unreadReplyCount).toBe(0);
  });

  it('refuses a thread the reader may not open, an id of nothing and a signed-out caller, recording nothing', async () => {
    const threadId = await startThread('asker');
    await graphql(`mutation ($input: HideContentInput!) { hideContent(input: $input) { __typename } }`, { input: { threadId, reason: 'Nội dung quảng cáo' } }, as('mod'));
    expect((await markRead('reader', threadId)).code).toBe('NOT_FOUND');
    expect((await markRead('reader', 'VGhyZWFkOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA')).code).toBe('NOT_FOUND');
    const anonymous = await graphql(`mutation ($input: MarkThreadReadInput!) { markThreadRead(input: $input) { ${RESULT} } }`, { input: { threadId } });
    expect(anonymous.errors?.[0]?.extensions?.code ?? anonymous.data?.markThreadRead?.code).toBe('NOT_AUTHORIZED');
    const junk = await graphql(`mutation ($input: MarkThreadReadInput!) { markThreadRead(input: $input) { ${RESULT} } }`, { input: { threadId: { $gt: '' } } }, as('reader'));
    expect(junk.errors?.length).toBeGreaterThan(0);
  });
});
