import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Collection } from '../../schema/collection/model.ts';
import { COLLECTION_LIMITS } from '../../schema/field-limits.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { ensureIndexes } from '../../server/db/connection.ts';
import { globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();

type Who = 'author' | 'member' | 'curator' | 'curator2' | 'admin' | null;
const cookies: Record<Exclude<Who, null>, string> = { author: '', member: '', curator: '', curator2: '', admin: '' };
let authorId = '';
let curatorId = '';
const published: string[] = [];
let submitted = '';

beforeAll(async () => {
  await createReferenceData();
  const make = async (handle: string, role = 'member') => {
    const expert = await createExpert({ handle, name: `Người ${handle}` });
    await Expert.updateOne({ _id: expert._id }, { $set: { role } });
    return { id: String(expert._id), cookie: await sessionCookieFor(String(expert._id)) };
  };
  const author = await make('tacgia');
  authorId = author.id;
  cookies.author = author.cookie;
  cookies.member = (await make('thanhvien')).cookie;
  const curator = await make('bientap1', 'curator');
  curatorId = curator.id;
  cookies.curator = curator.cookie;
  cookies.curator2 = (await make('bientap2', 'curator')).cookie;
  cookies.admin = (await make('quantri', 'admin')).cookie;
  for (let i = 0; i < 4; i++) {
    const p = await Practice.create({ title: `Cách làm số ${i}`, authors: [authorId], status: 'published', publishedAt: new Date(), version: 1 });
    published.push(String(p._id));
  }
  submitted = String((await Practice.create({ title: 'Đang chờ duyệt', authors: [authorId], status: 'submitted', submittedAt: new Date() }))._id);
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
const FIELDS = `id slug title introHtml edition status version topics { slug } places { code } items { id note shownToPublic practice { title } }`;
const as = (who: Who) => (who ? { cookie: cookies[who] } : {});
const practiceGid = (id: string) => globalId('Practice', id);

async function mutate(name: string, input: Record<string, unknown>, who: Who = 'curator') {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { collection { ${FIELDS} } } } }`, { input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data[name];
}
const read = async (slug: string, who: Who) => graphql(`query ($slug: String!) { collection(slug: $slug) { ${FIELDS} } }`, { slug }, as(who));
let serial = 0;
async function draft(fields: Record<string, unknown> = {}) {
  const created = await mutate('createCollection', { title: `Bộ sưu tập thử ${++serial}`, ...fields });
  expect(created.__typename).toBe('CreateCollectionPayload');
  return created.collection;
}
const add = (collectionId: string, practiceId: string, note = 'Vì sao chọn', who: Who = 'curator') => mutate('addCollectionItem', { collectionId, practiceId: practiceGid(practiceId), note }, who);
async function publishedCollection() {
  const c = await draft();
  await add(c.id, published[0]!);
  await add(c.id, published[1]!);
  return (await mutate('publishCollection', { id: c.id })).collection;
}

describe('Collection', () => {
  it('is composed by a curator: intro rendered safely, items added, reordered, noted, then published for everyone, each step in the audit log', async () => {
    const c = await draft({ title: 'Kết nối, chia sẻ dữ liệu', intro: 'Các tỉnh **dẫn đầu** <script>alert(1)</script>', topics: ['du-lieu-so'], places: ['da-nang'], edition: 'Quý 4/2026' });
    expect(c).toMatchObject({ slug: 'ket-noi-chia-se-du-lieu', status: 'DRAFT', edition: 'Quý 4/2026', topics: [{ slug: 'du-lieu-so' }], places: [{ code: 'da-nang' }] });
    expect(c.introHtml).toContain('<strong>dẫn đầu</strong>');
    expect(c.introHtml).not.toContain('<script>');
    await add(c.id, published[0]!, 'Mô hình đầu tiên');
    const two = (await add(c.id, published[1]!, 'Nhân rộng được')).collection;
    const reordered = (await mutate('reorderCollectionItems', { collectionId: c.id, itemIds: [two.items[1].id, two.items[0].id] })).collection;
    expect(reordered.items.map((i: any) => i.practice.title)).toEqual(['Cách làm số 1', 'Cách làm số 0']);
    const noted = (await mutate('updateCollectionItem', { collectionId: c.id, itemId: reordered.items[0].id, note: 'Ghi chú mới' })).collection;
    expect(noted.items[0].note).toBe('Ghi chú mới');
    expect((await read(c.slug, null)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await mutate('publishCollection', { id: c.id })).collection.status).toBe('PUBLISHED');
    const seen = (await read(c.slug, null)).data.collection;
    expect(seen.items.map((i: any) => [i.practice.title, i.note])).toEqual([
      ['Cách làm số 1', 'Ghi chú mới'],
      ['Cách làm số 0', 'Mô hình đầu tiên'],
    ]);
    const list = await graphql(`{ collections(first: 50) { edges { node { slug } } } }`);
    expect(list.data.collections.edges.map((e: any) => e.node.slug)).toContain(c.slug);
    const removed = (await mutate('removeCollectionItem', { collectionId: c.id, itemId: seen.items[1].id })).collection;
    expect(removed.items).toHaveLength(1);
    expect((await mutate('archiveCollection', { id: c.id })).collection.status).toBe('ARCHIVED');
    expect((await read(c.slug, null)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const collectionId = Buffer.from(c.id, 'base64url').toString().split(':')[1];
    // The creator is each entry's subject (the subject index serves the read).
    const entries = await AuditEntry.find({ subject: curatorId }).sort({ createdAt: -1, _id: -1 }).lean();
    const actions = entries
      .filter((e) => String(e.collectionId) === collectionId && String(e.actor) === curatorId)
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'collection.created',
      'collection.item-added',
      'collection.item-added',
      'collection.reordered',
      'collection.item-changed',
      'collection.published',
      'collection.item-removed',
      'collection.archived',
    ]);
  });

  it('lists published collections newest first, in pages; drafts only for curators who ask', async () => {
    const older = await publishedCollection();
    const newer = await publishedCollection();
    const hidden = await draft();
    const page = await graphql(`{ collections(first: 1) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }`);
    expect(page.data.collections.edges[0].node.slug).toBe(newer.slug);
    const next = await graphql(`query ($after: String) { collections(first: 50, after: $after) { edges { node { slug } } } }`, { after: page.data.collections.pageInfo.endCursor });
    const rest = next.data.collections.edges.map((e: any) => e.node.slug);
    expect(rest).toContain(older.slug);
    expect(rest).not.toContain(hidden.slug);
    const drafts = await graphql(`{ collections(first: 50, status: DRAFT) { edges { node { slug } } } }`, {}, as('curator'));
    expect(drafts.data.collections.edges.map((e: any) => e.node.slug)).toContain(hidden.slug);
    for (const who of [null, 'member'] as const) {
      const refused = await graphql(`{ collections(first: 5, status: DRAFT) { edges { node { slug } } } }`, {}, as(who));
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
      expect((await read(hidden.slug, who)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const node = await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: hidden.id }, as(who));
      expect(node.errors?.[0]?.extensions?.code, JSON.stringify(node.errors)).toBe('NOT_FOUND');
    }
    expect((await read(hidden.slug, 'admin')).data.collection.slug).toBe(hidden.slug);
  });

  it('refuses every mutation to anonymous people and plain members, changing nothing', async () => {
    const c = await draft();
    const withItem = (await add(c.id, published[0]!)).collection;
    const attempts: [string, Record<string, unknown>][] = [
      ['createCollection', { title: 'Không được phép' }],
      ['updateCollection', { id: c.id, version: withItem.version, title: 'Đổi tên trái phép' }],
      ['addCollectionItem', { collectionId: c.id, practiceId: practiceGid(published[1]!), note: '' }],
      ['updateCollectionItem', { collectionId: c.id, itemId: withItem.items[0].id, note: 'x' }],
      ['removeCollectionItem', { collectionId: c.id, itemId: withItem.items[0].id }],
      ['reorderCollectionItems', { collectionId: c.id, itemIds: [withItem.items[0].id] }],
      ['publishCollection', { id: c.id }],
      ['archiveCollection', { id: c.id }],
    ];
    for (const who of [null, 'member', 'author'] as const) for (const [name, input] of attempts) expect((await mutate(name, input, who)).__typename, `${name} as ${who}`).toBe('NotAuthorizedError');
    expect((await read(c.slug, 'curator')).data.collection).toMatchObject({ version: withItem.version, status: 'DRAFT', title: c.title });
  });
});

describe('Collection items', () => {
  it('takes only published practices, each once, up to the limit; an unknown practice is NOT_FOUND; a refusal changes nothing', async () => {
    const c = await draft();
    expect(await add(c.id, submitted)).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'practiceId', code: 'NOT_PUBLISHED' }] });
    expect((await add(c.id, '0123456789abcdef01234567')).__typename).toBe('NotFoundError');
    const once = (await add(c.id, published[0]!)).collection;
    expect(await add(c.id, published[0]!)).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'practiceId', code: 'DUPLICATE' }] });
    expect((await read(c.slug, 'curator')).data.collection).toMatchObject({ version: once.version, items: [{ id: once.items[0].id }] });

    const many = await Promise.all(
      Array.from({ length: COLLECTION_LIMITS.items }, (_, i) => Practice.create({ title: `Nhiều ${i}`, authors: [authorId], status: 'published', publishedAt: new Date() })),
    );
    const full = await draft();
    for (const p of many) await add(full.id, String(p._id));
    expect(await add(full.id, published[0]!)).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'practiceId', code: 'TOO_MANY' }] });
    expect((await read(full.slug, 'curator')).data.collection.items).toHaveLength(COLLECTION_LIMITS.items);
  });

  it('drops a practice that is no longer published from what the public sees; curators still see it, marked', async () => {
    const c = await publishedCollection();
    const returned = published[1]!;
    await Practice.updateOne({ _id: returned }, { $set: { status: 'returned' } });
    try {
      expect((await read(c.slug, null)).data.collection.items.map((i: any) => i.practice.title)).toEqual(['Cách làm số 0']);
      expect((await read(c.slug, 'member')).data.collection.items).toHaveLength(1);
      const curated = (await read(c.slug, 'curator')).data.collection.items;
      expect(curated.map((i: any) => [i.practice.title, i.shownToPublic])).toEqual([
        ['Cách làm số 0', true],
        ['Cách làm số 1', false],
      ]);
    } finally {
      await Practice.updateOne({ _id: returned }, { $set: { status: 'published' } });
    }
  });

  it('takes a reorder only as the full order of the items, each once', async () => {
    const c = await publishedCollection();
    const [a, b] = c.items.map((i: any) => i.id);
    for (const itemIds of [[a], [a, a], [a, b, b], [a, '0123456789abcdef01234567']]) {
      expect(await mutate('reorderCollectionItems', { collectionId: c.id, itemIds })).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'itemIds', code: 'NOT_A_PERMUTATION' }] });
    }
    expect((await mutate('reorderCollectionItems', { collectionId: c.id, itemIds: ['not an id'] })).__typename).toBe('ValidationError');
    expect((await read(c.slug, 'curator')).data.collection).toMatchObject({ version: c.version, items: [{ id: a }, { id: b }] });
  });
});

describe('Collection editing', () => {
  it('gives the second of two curators editing the same version a CONFLICT, keeping the first one’s words', async () => {
    const c = await draft();
    const first = await mutate('updateCollection', { id: c.id, version: c.version, title: 'Dịch vụ công trực tuyến toàn trình' }, 'curator');
    expect(first.collection.title).toBe('Dịch vụ công trực tuyến toàn trình');
    const second = await mutate('updateCollection', { id: c.id, version: c.version, title: 'Tên khác đè lên' }, 'curator2');
    expect(second.__typename).toBe('ConflictError');
    expect((await read(c.slug, 'curator')).data.collection.title).toBe('Dịch vụ công trực tuyến toàn trình');
  });

  it('gives a note written against an older version a CONFLICT, keeping the other curator’s note', async () => {
    const c = (await add((await draft()).id, published[0]!, 'Ghi chú đầu')).collection;
    const itemId = c.items[0].id;
    const first = await mutate('updateCollectionItem', { collectionId: c.id, itemId, note: 'Ghi chú của người thứ nhất', version: c.version }, 'curator');
    expect(first.collection.items[0].note).toBe('Ghi chú của người thứ nhất');
    const stale = await mutate('updateCollectionItem', { collectionId: c.id, itemId, note: 'Ghi chú đè lên', version: c.version }, 'curator2');
    expect(stale.__typename).toBe('ConflictError');
    expect((await read(c.slug, 'curator')).data.collection).toMatchObject({ version: first.collection.version, items: [{ note: 'Ghi chú của người thứ nhất' }] });
    // Written against the version now current, it goes through.
    const fresh = await mutate('updateCollectionItem', { collectionId: c.id, itemId, note: 'Ghi chú mới nhất', version: first.collection.version }, 'curator2');
    expect(fresh.collection.items[0].note).toBe('Ghi chú mới nhất');
  });

  it('refuses hostile or oversized input with a typed error and changes nothing', async () => {
    const c = await draft();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: 'Tên\u0000độc hại' }, 'title', 'INVALID'],
      [{ title: 'x'.repeat(COLLECTION_LIMITS.title + 1) }, 'title', 'TOO_LONG'],
      [{ intro: 'a'.repeat(COLLECTION_LIMITS.intro + 1) }, 'intro', 'TOO_LONG'],
      [{ edition: 'Quý\u202E4' }, 'edition', 'INVALID'],
      [{ topics: ['khong-co-chu-de'] }, 'topics.0', 'UNKNOWN'],
      [{ places: ['quang-nam'] }, 'places.0', 'UNKNOWN'],
      [{ places: ['../$where'] }, 'places.0', 'INVALID'],
    ];
    for (const [fields, path, code] of cases) {
      expect(await mutate('updateCollection', { id: c.id, version: c.version, ...fields }), path).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path, code }] });
    }
    expect(await mutate('createCollection', { title: 'Trùng địa chỉ', slug: c.slug })).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'slug', code: 'TAKEN' }] });
    expect(await mutate('addCollectionItem', { collectionId: c.id, practiceId: practiceGid(published[0]!), note: 'n'.repeat(COLLECTION_LIMITS.note + 1) })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'note', code: 'TOO_LONG' }],
    });
    expect((await read(c.slug, 'curator')).data.collection).toMatchObject({ title: c.title, version: c.version, items: [], topics: [], places: [] });
  });
});

describe('Collection introductions', () => {
  it('are rendered at start when stored without HTML (an earlier release), keeping the version curators edit against', async () => {
    const stored = await Collection.collection.insertOne({
      title: 'Bộ sưu tập cũ',
      slug: 'bo-suu-tap-cu',
      intro: 'Giới thiệu *cũ*',
      topics: [],
      places: [],
      edition: '',
      status: 'published',
      items: [{ _id: new mongoose.Types.ObjectId(), practice: new mongoose.Types.ObjectId(published[0]!), note: '' }],
      createdBy: new mongoose.Types.ObjectId(authorId),
      publishedAt: new Date(),
      version: 3,
      createdAt: new Date(),
      updatedAt: new Date(),
    } as never);
    await mongoose.connection.collection('migrations').deleteMany({});
    await ensureIndexes();
    expect((await read('bo-suu-tap-cu', null)).data.collection).toMatchObject({ introHtml: '<p>Giới thiệu <em>cũ</em></p>\n', version: 3 });
    await Collection.deleteOne({ _id: stored.insertedId });
  });
});
