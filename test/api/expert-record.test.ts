import type { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { Follow } from '../../schema/follow/model.ts';
import { Practice } from '../../schema/practice/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * A profile as the member's record (issue 12): what a person wrote, the endorsements and follows
 * around them, each list showing others only what they may read elsewhere, and the owner what is
 * still missing from the profile.
 */

useTestDatabase();

const RECORD = /* GraphQL */ `
  query Record($handle: String!) {
    expert(handle: $handle) {
      practices(first: 10) { totalCount edges { node { title } } }
      unpublishedPractices(first: 10) { totalCount edges { node { title status } } }
      endorsedPractices(first: 10) { totalCount edges { node { title endorsementCount } } }
      endorsementsReceived
      questions(first: 10) { totalCount edges { node { title } } }
      discussions(first: 10) { totalCount edges { node { title } } }
      answers(first: 10) { totalCount edges { node { accepted question { title } reply { body } } } }
      followerCount
      followers(first: 10) { totalCount edges { node { handle } } }
      followingCount
      following(first: 10) { totalCount edges { node { handle } } }
      missingProfileFields
    }
  }
`;

const cookies: Record<string, string> = {};
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const titles = (list: { edges: { node: { title: string } }[] } | null) => list?.edges.map((e) => e.node.title) ?? null;

beforeAll(async () => {
  await createReferenceData();
  const ana = await createExpert({ handle: 'ana', name: 'Nguyễn Thị An' });
  const binh = await createExpert({ handle: 'binh', name: 'Trần Văn Bình' });
  const chi = await createExpert({ handle: 'chi', name: 'Lê Thị Chi' });
  for (const [handle, expert] of Object.entries({ ana, binh, chi })) cookies[handle] = await sessionCookieFor(String(expert._id));

  const practice = (title: string, status: 'published' | 'draft' | 'hidden', minutes: number, extra: Record<string, unknown> = {}) =>
    Practice.create({ title, authors: [ana._id], status, publishedAt: status === 'draft' ? null : minutesAgo(minutes), ...extra });
  await practice('Cách làm đã đăng, được ghi nhận', 'published', 20, { endorsementCount: 3 });
  await practice('Cách làm đã đăng mới hơn', 'published', 10);
  await practice('Bản nháp của An', 'draft', 5);
  await practice('Cách làm bị ẩn', 'hidden', 30, { endorsementCount: 4 });
  await Practice.create({ title: 'Cách làm của Bình', authors: [binh._id], status: 'published', publishedAt: minutesAgo(3) });

  const thread = (kind: 'question' | 'discussion', title: string, author: Types.ObjectId, minutes: number, extra: Record<string, unknown> = {}) =>
    Thread.create({ kind, title, author, lastActivityAt: minutesAgo(minutes), ...extra });
  await thread('question', 'Câu hỏi của An', ana._id, 10);
  await thread('question', 'Câu hỏi bị ẩn', ana._id, 11, { hiddenAt: new Date() });
  await thread('question', 'Câu hỏi chờ duyệt', ana._id, 12, { hiddenAt: new Date(), pendingAuthor: ana._id });
  await thread('discussion', 'Thảo luận của An', ana._id, 13);
  const binhsQuestion = await thread('question', 'Câu hỏi của Bình', binh._id, 14);
  const binhsDiscussion = await thread('discussion', 'Thảo luận của Bình', binh._id, 15);
  const hiddenQuestion = await thread('question', 'Câu hỏi ẩn của Bình', binh._id, 16, { hiddenAt: new Date() });

  const reply = (threadId: Types.ObjectId, body: string, extra: Record<string, unknown> = {}) => Reply.create({ thread: threadId, depth: 0, author: ana._id, body, ...extra });
  const accepted = await reply(binhsQuestion._id, 'Câu trả lời được chấp nhận');
  await Thread.updateOne({ _id: binhsQuestion._id }, { $set: { acceptedReply: accepted._id } });
  await reply(binhsDiscussion._id, 'Ý kiến trong thảo luận');
  await reply(hiddenQuestion._id, 'Trả lời trong câu hỏi bị ẩn');
  await reply(binhsQuestion._id, 'Câu trả lời bị ẩn', { hiddenAt: new Date() });
  await reply(binhsQuestion._id, 'Câu trả lời đã xoá', { deleted: true });

  await Follow.create({ follower: binh._id, kind: 'expert', target: String(ana._id) });
  await Follow.create({ follower: chi._id, kind: 'expert', target: String(ana._id) });
  await Follow.create({ follower: ana._id, kind: 'expert', target: String(binh._id) });
  await Follow.create({ follower: ana._id, kind: 'topic', target: 'du-lieu-so' });
});

const recordOf = async (handle: string, as?: string) => {
  const response = await graphql(RECORD, { handle }, as ? { cookie: cookies[as] } : {});
  expect(response.errors).toBeUndefined();
  return response.data.expert;
};

describe('A profile as the member’s record, seen by another member', () => {
  it('lists their published practices newest first, and neither drafts nor hidden ones', async () => {
    const record = await recordOf('ana', 'binh');
    expect(titles(record.practices)).toEqual(['Cách làm đã đăng mới hơn', 'Cách làm đã đăng, được ghi nhận']);
    expect(record.practices.totalCount).toBe(2);
    expect(record.unpublishedPractices).toBeNull();
  });

  it('counts the endorsements their published practices received and names those practices', async () => {
    const record = await recordOf('ana', 'binh');
    expect(record.endorsementsReceived).toBe(3);
    expect(record.endorsedPractices.edges.map((e: any) => e.node)).toEqual([{ title: 'Cách làm đã đăng, được ghi nhận', endorsementCount: 3 }]);
  });

  it('lists their readable questions and discussions apart, without hidden or waiting ones', async () => {
    const record = await recordOf('ana', 'binh');
    expect(titles(record.questions)).toEqual(['Câu hỏi của An']);
    expect(record.questions.totalCount).toBe(1);
    expect(titles(record.discussions)).toEqual(['Thảo luận của An']);
  });

  it('lists their answers with the question and the accepted mark, not replies in discussions, hidden questions, hidden or removed answers', async () => {
    const record = await recordOf('ana', 'binh');
    expect(record.answers.edges.map((e: any) => e.node)).toEqual([{ accepted: true, question: { title: 'Câu hỏi của Bình' }, reply: { body: 'Câu trả lời được chấp nhận' } }]);
    expect(record.answers.totalCount).toBe(1);
  });

  it('counts and lists followers and the people they follow (topics are not people)', async () => {
    const record = await recordOf('ana', 'binh');
    expect(record.followerCount).toBe(2);
    expect(record.followers.edges.map((e: any) => e.node.handle).sort()).toEqual(['binh', 'chi']);
    expect(record.followers.totalCount).toBe(2);
    expect(record.followingCount).toBe(1);
    expect(record.following.edges.map((e: any) => e.node.handle)).toEqual(['binh']);
  });

  it('does not tell others what the profile lacks', async () => {
    expect((await recordOf('ana', 'binh')).missingProfileFields).toBeNull();
  });
});

describe('A profile as the member’s record, seen by its owner', () => {
  it('adds their unpublished practices and their threads waiting for approval', async () => {
    const record = await recordOf('ana', 'ana');
    expect(record.unpublishedPractices.edges.map((e: any) => e.node)).toEqual([{ title: 'Bản nháp của An', status: 'DRAFT' }]);
    expect(titles(record.questions)).toEqual(['Câu hỏi của An', 'Câu hỏi chờ duyệt']);
    expect(record.questions.totalCount).toBe(2);
    expect(titles(record.practices)).toEqual(['Cách làm đã đăng mới hơn', 'Cách làm đã đăng, được ghi nhận']);
  });

  it('says what the profile still lacks', async () => {
    expect((await recordOf('ana', 'ana')).missingProfileFields).toEqual(['AVATAR', 'BIO']);
  });

  it('shows another member’s profile without the owner’s extras even when it sits beside their own in a list', async () => {
    const response = await graphql(
      `{ experts(first: 10) { edges { node { handle questions(first: 5) { edges { node { title } } } unpublishedPractices(first: 5) { totalCount } } } } }`,
      {},
      { cookie: cookies.ana },
    );
    expect(response.errors).toBeUndefined();
    const byHandle = Object.fromEntries(response.data.experts.edges.map((e: any) => [e.node.handle, e.node]));
    expect(titles(byHandle.ana.questions)).toEqual(['Câu hỏi của An', 'Câu hỏi chờ duyệt']);
    expect(byHandle.ana.unpublishedPractices.totalCount).toBe(1);
    expect(titles(byHandle.binh.questions)).toEqual(['Câu hỏi của Bình']);
    expect(byHandle.binh.unpublishedPractices).toBeNull();
  });
});

describe('A profile as the member’s record, signed out', () => {
  it('shows published practices and follows but no discussions, which are for members', async () => {
    const record = await recordOf('ana');
    expect(titles(record.practices)).toHaveLength(2);
    expect(record.questions).toBeNull();
    expect(record.discussions).toBeNull();
    expect(record.answers).toBeNull();
    expect(record.followerCount).toBe(2);
    expect(record.missingProfileFields).toBeNull();
  });
});
