import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { DigestSend } from '../../schema/digest/model.ts';
import { digestWeekOf, sendWeeklyDigests } from '../../schema/digest/service.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { anyOf } from '../../schema/query.ts';
import { globalId, personWithAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';
import { useMailbox } from '../helpers/mailbox.ts';

useTestDatabase();
const mailbox = useMailbox(() => 'https://chuyengia.test');

const people: Record<string, Awaited<ReturnType<typeof personWithAccount>>> = {};
const cookies: Record<string, string> = {};
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
const ids: Record<string, string> = {};

const FOLLOW_TOPIC = `mutation ($topic: String!) { followTopic(input: { topic: $topic, following: true }) { __typename } }`;
const SET_WEEKLY = `mutation ($weekly: Boolean!) { setWeeklyDigest(input: { weekly: $weekly }) { __typename ... on SetWeeklyDigestPayload { weekly } } }`;
const UNSUBSCRIBE = `mutation ($token: String!) { unsubscribeFromDigest(input: { token: $token }) { __typename ... on Error { code } } }`;

beforeAll(async () => {
  await createReferenceData();
  const handles = ['doc-gia', 'reader-en', 'chua-xac-nhan', 'tat-ban-tin', 'im-lang', 'bi-dinh-chi', 'tac-gia'];
  for (const handle of handles) {
    people[handle] = await personWithAccount(handle, `Người ${handle}`, { suspended: handle === 'bi-dinh-chi' });
    cookies[handle] = await sessionCookieFor(people[handle]!.id);
  }
  await Expert.updateMany({ _id: anyOf(handles.map((h) => people[h]!.id)) }, { $set: { place: null } });
  await Expert.updateOne({ _id: people['doc-gia']!.id }, { $set: { place: 'quang-nam' } });
  await Expert.updateOne({ _id: people['im-lang']!.id }, { $set: { place: 'ha-noi' } });
  await Account.updateOne({ _id: people['reader-en']!.id }, { $set: { language: 'en' } });
  await Account.updateOne({ _id: people['chua-xac-nhan']!.id }, { $set: { emailVerifiedAt: null } });
  for (const handle of ['doc-gia', 'reader-en', 'chua-xac-nhan', 'tat-ban-tin', 'bi-dinh-chi']) await graphql(FOLLOW_TOPIC, { topic: 'du-lieu-so' }, { cookie: cookies[handle] });
  expect((await graphql(SET_WEEKLY, { weekly: false }, { cookie: cookies['tat-ban-tin'] })).data.setWeeklyDigest.weekly).toBe(false);

  const author = people['tac-gia']!.id;
  const practice = (title: string, publishedAt: Date, topics: string[], place: string | null = null) =>
    Practice.create({ title, authors: [author], status: 'published', publishedAt, version: 1, topics, place } as never);
  ids.newPractice = String((await practice('Số hoá hồ sơ đất đai', daysAgo(2), ['du-lieu-so']))._id);
  await practice('Kho dữ liệu cũ năm ngoái', daysAgo(20), ['du-lieu-so']);
  ids.placeThread = String(
    (await Thread.create({ kind: 'discussion', title: 'Họp trực tuyến cấp xã ở Đà Nẵng', author, lastActivityAt: daysAgo(1), topics: [], place: 'da-nang', replyCount: 3 }))._id,
  );
  ids.question = String((await Thread.create({ kind: 'question', title: 'Làm sao chuẩn hoá dữ liệu dân cư?', author, lastActivityAt: daysAgo(3), topics: ['du-lieu-so'] }))._id);
});
beforeEach(async () => {
  resetRateLimits();
  await DigestSend.deleteMany({});
});

const addressOf = (handle: string) => people[handle]!.email;

describe('Weekly digest', () => {
  it('tells each member what happened this week in their topics and province, in their language, with links', async () => {
    await sendWeeklyDigests();
    const [mail, ...more] = await mailbox.to(addressOf('doc-gia'));
    expect(more).toHaveLength(0);
    expect(mail!.parsed.subject).toBe('Tuần này trong chủ đề và tỉnh của bạn');
    const text = mail!.parsed.text ?? '';
    expect(text).toContain(`Số hoá hồ sơ đất đai: https://chuyengia.test/practices/${globalId('Practice', ids.newPractice!)}`);
    // Recorded under Quảng Nam, now part of Đà Nẵng: hears about Đà Nẵng.
    expect(text).toContain(`Họp trực tuyến cấp xã ở Đà Nẵng: https://chuyengia.test/threads/${globalId('Thread', ids.placeThread!)}`);
    expect(text).toContain('Làm sao chuẩn hoá dữ liệu dân cư?');
    expect(text).not.toContain('Kho dữ liệu cũ năm ngoái');
    expect(mail!.parsed.html).toContain(`href="https://chuyengia.test/practices/${globalId('Practice', ids.newPractice!)}"`);
    expect(mailbox.linkIn(mail!, '/digest/unsubscribe')).toMatch(/#[A-Za-z0-9_-]{43}$/);

    const [english] = await mailbox.to(addressOf('reader-en'));
    expect(english!.parsed.subject).toBe('This week in your topics and province');
    expect(english!.parsed.text).toContain('Digital data');
  });

  it('skips unverified addresses, suspended people, those who turned it off and those with nothing to hear', async () => {
    const run = await sendWeeklyDigests();
    for (const handle of ['chua-xac-nhan', 'bi-dinh-chi', 'tat-ban-tin', 'im-lang', 'tac-gia']) expect(await mailbox.to(addressOf(handle)), handle).toHaveLength(0);
    expect(run.sent).toBe(2);
  });

  it('sends each member one digest a week when two runs race, and none on a later run of the same week', async () => {
    await Promise.all([sendWeeklyDigests(), sendWeeklyDigests()]);
    await sendWeeklyDigests();
    expect(await mailbox.to(addressOf('doc-gia'))).toHaveLength(1);
    expect(await mailbox.to(addressOf('reader-en'))).toHaveLength(1);
  });

  it('resumes after a run that died: takes over a digest left half-sent, never resends a sent one', async () => {
    const week = digestWeekOf(new Date()).key;
    const expired = new Date(Date.now() - 60_000);
    await DigestSend.create({ _id: `${people['doc-gia']!.id}:${week}`, member: people['doc-gia']!.id, week, state: 'sending', claim: 'crashed', leaseUntil: expired });
    await DigestSend.create({ _id: `${people['reader-en']!.id}:${week}`, member: people['reader-en']!.id, week, state: 'sent', claim: 'earlier', leaseUntil: expired });
    await sendWeeklyDigests();
    expect(await mailbox.to(addressOf('doc-gia'))).toHaveLength(1);
    expect(await mailbox.to(addressOf('reader-en'))).toHaveLength(0);
  });

  it('turns the digest off from its link without signing in, and refuses made-up links', async () => {
    await sendWeeklyDigests();
    const [mail] = await mailbox.to(addressOf('reader-en'));
    const token = mailbox.linkIn(mail!, '/digest/unsubscribe').split('#')[1]!;
    expect((await graphql(UNSUBSCRIBE, { token: 'A'.repeat(43) })).data.unsubscribeFromDigest.code).toBe('NOT_FOUND');
    expect((await graphql(UNSUBSCRIBE, { token: '{"$ne":null}' })).data.unsubscribeFromDigest.code).toBe('VALIDATION_FAILED');
    expect((await graphql(`{ weeklyDigest }`, {}, { cookie: cookies['reader-en'] })).data.weeklyDigest).toBe(true);
    expect((await graphql(UNSUBSCRIBE, { token })).data.unsubscribeFromDigest.__typename).toBe('DonePayload');
    expect((await graphql(`{ weeklyDigest }`, {}, { cookie: cookies['reader-en'] })).data.weeklyDigest).toBe(false);

    await DigestSend.deleteMany({});
    await sendWeeklyDigests();
    expect(await mailbox.to(addressOf('reader-en'))).toHaveLength(1);
    await graphql(SET_WEEKLY, { weekly: true }, { cookie: cookies['reader-en'] });
  });

  it('starts each week on Monday at 08:00 Vietnam time', () => {
    // Monday 7 December 2026, 00:59 UTC is 07:59 in Vietnam: still the week of 30 November.
    expect(digestWeekOf(new Date('2026-12-07T00:59:00Z')).key).toBe('2026-11-30');
    expect(digestWeekOf(new Date('2026-12-07T01:00:00Z')).key).toBe('2026-12-07');
    expect(digestWeekOf(new Date('2026-12-13T16:00:00Z')).key).toBe('2026-12-07');
  });
});
