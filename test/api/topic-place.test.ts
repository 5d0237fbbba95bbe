import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Types } from 'mongoose';
import { Thread } from '../../schema/discussion/model.ts';
import { Place } from '../../schema/place/model.ts';
import { Practice } from '../../schema/practice/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { anyOf } from '../../schema/query.ts';
import { Topic } from '../../schema/topic/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

let memberCookie = '';

/** A practice in the given state, written straight to the database (its life cycle is tested elsewhere). */
async function createPractice(fields: { title: string; place?: string; topics?: string[]; status?: 'draft' | 'published' }, authorId: Types.ObjectId) {
  const published = (fields.status ?? 'published') === 'published';
  return Practice.create({
    title: fields.title,
    place: fields.place ?? null,
    topics: fields.topics ?? [],
    authors: [authorId],
    status: fields.status ?? 'published',
    publishedAt: published ? new Date() : null,
    version: published ? 1 : 0,
  });
}

beforeAll(async () => {
  await createReferenceData();
  // A third current unit with no records, so the counts say 0 rather than leave it out.
  await Place.create({ _id: 'hue', name: 'Huế', fullName: 'Thành phố Huế', kind: 'city', region: 'central', current: true, order: 3 });
  await Topic.create({ _id: 'dien-toan-dam-may', name: 'Điện toán đám mây', nameEn: 'Cloud computing', order: 2 });

  const author = await createExpert({ handle: 'tacgia', place: 'da-nang', specialties: ['du-lieu-so', 'an-toan-thong-tin'] });
  await createExpert({ handle: 'quangnam1', place: 'quang-nam', specialties: ['du-lieu-so'] });
  await createExpert({ handle: 'hanoi1', place: 'ha-noi', specialties: ['an-toan-thong-tin'] });
  memberCookie = await sessionCookieFor(String(author._id));

  await createPractice({ title: 'LGSP Đà Nẵng', place: 'da-nang', topics: ['du-lieu-so'] }, author._id);
  await createPractice({ title: 'Kho dữ liệu Quảng Nam', place: 'quang-nam', topics: ['du-lieu-so', 'an-toan-thong-tin'] }, author._id);
  await createPractice({ title: 'SOC Hà Nội', place: 'ha-noi', topics: ['an-toan-thong-tin'] }, author._id);
  // Drafts are nobody's business but their authors': they are not counted.
  await createPractice({ title: 'Bản nháp Đà Nẵng', place: 'da-nang', topics: ['du-lieu-so'], status: 'draft' }, author._id);

  const thread = (title: string, topics: string[], place: string | null) => ({ kind: 'question', title, author: author._id, topics, place, lastActivityAt: new Date() });
  await Thread.insertMany([
    thread('Chia sẻ dữ liệu với Quảng Nam?', ['du-lieu-so'], 'quang-nam'),
    thread('LGSP Đà Nẵng kết nối thế nào?', ['du-lieu-so', 'an-toan-thong-tin'], 'da-nang'),
    thread('Câu hỏi chung', ['an-toan-thong-tin'], null),
  ]);
});
beforeEach(() => resetRateLimits());

const TOPICS = /* GraphQL */ `query { topics { slug practiceCount expertCount } }`;
const PLACES = /* GraphQL */ `query ($former: Boolean) { places(includeFormer: $former) { code practiceCount expertCount } }`;

const bySlug = (rows: { slug?: string; code?: string }[]) => Object.fromEntries(rows.map(({ slug, code, ...rest }) => [slug ?? code, rest]));

describe('Topic', () => {
  it('counts published practices and people with the specialty when topics are listed', async () => {
    const response = await graphql(TOPICS);
    expect(response.errors).toBeUndefined();
    expect(bySlug(response.data.topics)).toEqual({
      'du-lieu-so': { practiceCount: 2, expertCount: 2 },
      'an-toan-thong-tin': { practiceCount: 2, expertCount: 2 },
      'dien-toan-dam-may': { practiceCount: 0, expertCount: 0 },
    });
  });

  it('costs the same few commands whatever the number of topics when counts are asked for', async () => {
    commandLog.reset();
    await graphql(TOPICS);
    const withThree = [...commandLog.commands];
    const extra = Array.from({ length: 10 }, (_, i) => `chu-de-${i}`);
    await Topic.insertMany(extra.map((slug, i) => ({ _id: slug, name: `Chủ đề ${i}`, nameEn: `Topic ${i}`, order: 10 + i })));
    commandLog.reset();
    const response = await graphql(TOPICS);
    expect(response.data.topics).toHaveLength(13);
    // The list, then one aggregate per count.
    expect(commandLog.commands).toEqual(withThree);
    expect(commandLog.commands).toEqual(['find', 'aggregate', 'aggregate']);
    await Topic.deleteMany({ _id: anyOf(extra) });
  });

  it('counts threads for a member and answers null for a visitor, in one more aggregate', async () => {
    const QUERY = `query { topics { slug threadCount } }`;
    const visitor = await graphql(QUERY);
    expect(visitor.data.topics.every((t: any) => t.threadCount === null)).toBe(true);
    commandLog.reset();
    const member = await graphql(QUERY, {}, { cookie: memberCookie });
    expect(bySlug(member.data.topics)).toEqual({
      'du-lieu-so': { threadCount: 2 },
      'an-toan-thong-tin': { threadCount: 2 },
      'dien-toan-dam-may': { threadCount: 0 },
    });
    expect(commandLog.commands.filter((c) => c === 'aggregate')).toEqual(['aggregate']);
  });

  it('answers one topic with its counts when asked by slug', async () => {
    const response = await graphql(`query { topic(slug: "du-lieu-so") { name practiceCount expertCount } }`);
    expect(response.data.topic).toEqual({ name: 'Dữ liệu số', practiceCount: 2, expertCount: 2 });
  });

  it('says NOT_FOUND when the slug names no topic', async () => {
    const response = await graphql(`query { topic(slug: "khong-co") { name } }`);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

describe('Place', () => {
  it('counts a current unit’s records together with its predecessors’ when places are listed', async () => {
    const response = await graphql(PLACES);
    expect(response.errors).toBeUndefined();
    expect(bySlug(response.data.places)).toEqual({
      'ha-noi': { practiceCount: 1, expertCount: 1 },
      // Đà Nẵng's own practice and Quảng Nam's; its own person and Quảng Nam's.
      'da-nang': { practiceCount: 2, expertCount: 2 },
      hue: { practiceCount: 0, expertCount: 0 },
    });
  });

  it('counts only its own records for a former province', async () => {
    const response = await graphql(PLACES, { former: true });
    expect(bySlug(response.data.places)['quang-nam']).toEqual({ practiceCount: 1, expertCount: 1 });
  });

  it('costs the same few commands whatever the number of places when counts are asked for', async () => {
    commandLog.reset();
    const response = await graphql(PLACES, { former: true });
    expect(response.data.places).toHaveLength(4);
    expect(commandLog.commands).toEqual(['find', 'aggregate', 'aggregate']);
  });

  it('counts a current unit’s threads with its predecessors’ for a member only', async () => {
    const QUERY = `query { places(includeFormer: true) { code threadCount } }`;
    expect((await graphql(QUERY)).data.places.every((p: any) => p.threadCount === null)).toBe(true);
    const member = await graphql(QUERY, {}, { cookie: memberCookie });
    expect(bySlug(member.data.places)).toEqual({
      'ha-noi': { threadCount: 0 },
      'da-nang': { threadCount: 2 },
      'quang-nam': { threadCount: 1 },
      hue: { threadCount: 0 },
    });
  });

  it('names its predecessors and the former province its successor when one place is asked for', async () => {
    const current = await graphql(`query { place(code: "da-nang") { name current predecessors { code name } practiceCount } }`);
    expect(current.data.place).toEqual({ name: 'Đà Nẵng', current: true, predecessors: [{ code: 'quang-nam', name: 'Quảng Nam' }], practiceCount: 2 });
    const former = await graphql(`query { place(code: "quang-nam") { current successor { code name } } }`);
    expect(former.data.place).toEqual({ current: false, successor: { code: 'da-nang', name: 'Đà Nẵng' } });
  });

  it('lists a predecessor’s practices on the current unit when filtered by it', async () => {
    const response = await graphql(`query { practices(filter: { place: "da-nang" }) { edges { node { title } } } }`, {}, { cookie: memberCookie });
    expect(response.data.practices.edges.map((e: any) => e.node.title).sort()).toEqual(['Kho dữ liệu Quảng Nam', 'LGSP Đà Nẵng']);
  });
});
