import mongoose from 'mongoose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Bookmark } from '../../schema/bookmark/model.ts';
import { Reply, Thread, Vote } from '../../schema/discussion/model.ts';
import { Expert, type Role } from '../../schema/expert/model.ts';
import { Follow } from '../../schema/follow/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice, PracticeRevision } from '../../schema/practice/model.ts';
import { Endorsement } from '../../schema/reaction/model.ts';
import { View, ViewCount } from '../../schema/view/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor, type GraphQLResponse } from '../helpers/graphql.ts';

/*
 * The "bad input" thrown at every content mutation (and at search): each case must end in
 * exactly the typed answer named in its row, and leave every content collection exactly as it
 * was, compared document by document (updatedAt included). The markdown bombs, which are within
 * the length limit, must instead be stored as given and rendered, bounded, in good time.
 */

useTestDatabase();

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
/** A well-formed ObjectId that no document has. */
const NOWHERE = '0123456789abcdef01234567';
const OPERATOR = { $ne: null };

/* Personas and fixtures, made straight in the database */

type Persona = 'author' | 'other' | 'reader' | 'curator' | 'anonymous';
const people: Record<Exclude<Persona, 'anonymous'>, { id: string; cookie: string }> = {} as never;
const cookieOf = (who: Persona) => (who === 'anonymous' ? undefined : people[who].cookie);
const idOf = (who: Exclude<Persona, 'anonymous'>) => people[who].id;
/** Raw ids of the fixtures, by name. */
const f: Record<string, string> = {};

async function persona(name: Exclude<Persona, 'anonymous'>, handle: string, role: Role = 'member') {
  const expert = await createExpert({ handle });
  await Expert.updateOne({ _id: expert._id }, { $set: { role } });
  people[name] = { id: String(expert._id), cookie: await sessionCookieFor(String(expert._id)) };
}

const complete = {
  summary: 'Tỉnh dùng một nền tảng chia sẻ dữ liệu cho mọi sở ngành.',
  problem: 'Mỗi sở giữ dữ liệu riêng, người dân nộp lại giấy tờ nhiều lần.',
  solution: 'Xây dựng LGSP và danh mục dữ liệu dùng chung.',
  results: 'Giảm 40% hồ sơ giấy trong năm đầu.',
  lessons: 'Cần quyết định của UBND tỉnh về trách nhiệm cập nhật dữ liệu.',
  organization: 'so-khcn-da-nang',
  place: 'da-nang',
  topics: ['du-lieu-so'],
  stage: 'operating',
  year: 2023,
};

async function practice(name: string, author: Exclude<Persona, 'anonymous'>, status: 'draft' | 'submitted' | 'published', fields: Record<string, unknown> = {}) {
  const now = new Date();
  const doc = await Practice.create({
    title: `Cách làm ${name}`,
    authors: [idOf(author)],
    status,
    submittedAt: status === 'draft' ? null : now,
    publishedAt: status === 'published' ? now : null,
    version: status === 'published' ? 1 : 0,
    ...(status === 'draft' ? {} : complete),
    ...fields,
  } as never);
  f[name] = String(doc._id);
}

async function thread(name: string, kind: 'discussion' | 'question', author: Exclude<Persona, 'anonymous'>, fields: Record<string, unknown> = {}) {
  const doc = await Thread.create({ kind, title: `Chủ đề ${name} về dữ liệu số`, body: 'Nội dung.', author: idOf(author), lastActivityAt: new Date(), topics: ['du-lieu-so'], ...fields });
  f[name] = String(doc._id);
}

async function reply(name: string, threadName: string, author: Exclude<Persona, 'anonymous'>, fields: { parent?: string; deleted?: boolean } = {}) {
  const doc = await Reply.create({
    thread: f[threadName],
    parent: fields.parent ? f[fields.parent] : null,
    depth: fields.parent ? 1 : 0,
    author: idOf(author),
    body: `Trả lời ${name}.`,
    deleted: fields.deleted ?? false,
  });
  f[name] = String(doc._id);
  await Thread.updateOne({ _id: f[threadName] }, { $inc: { replyCount: fields.deleted ? 0 : 1 } });
}

beforeAll(async () => {
  await createReferenceData();
  await persona('author', 'tac.gia');
  await persona('other', 'dong.nghiep');
  await persona('reader', 'ban.doc');
  await persona('curator', 'tham.dinh', 'curator');

  await practice('authorDraft', 'author', 'draft');
  await practice('authorSubmitted', 'author', 'submitted');
  await practice('authorPublished', 'author', 'published');
  await practice('otherDraft', 'other', 'draft');
  await practice('otherPublished', 'other', 'published');
  await practice('curatorSubmitted', 'curator', 'submitted');

  await thread('discussion', 'discussion', 'author');
  await reply('discussionByAuthor', 'discussion', 'author');
  await reply('discussionByOther', 'discussion', 'other');
  await reply('discussionRemoved', 'discussion', 'other', { deleted: true });
  await reply('discussionOwnRemoved', 'discussion', 'author', { deleted: true });

  await thread('question', 'question', 'author');
  await reply('answerByOther', 'question', 'other');
  await reply('answerByAuthor', 'question', 'author');
  await reply('nestedUnderAnswer', 'question', 'reader', { parent: 'answerByOther' });
  await reply('answerRemoved', 'question', 'reader', { deleted: true });

  await thread('othersQuestion', 'question', 'other');
  await reply('answerInOthersQuestion', 'othersQuestion', 'author');

  await thread('locked', 'question', 'author', { locked: true });
  await reply('lockedAnswerByOther', 'locked', 'other');
  await reply('lockedReplyByAuthor', 'locked', 'author');
});
beforeEach(() => resetRateLimits());

/* The database before and after */

const WATCHED = [Practice, PracticeRevision, Thread, Reply, Vote, Endorsement, Follow, Bookmark, View, ViewCount, AuditEntry].map((m) => m.collection.collectionName);

type Snapshot = Record<string, Map<string, string>>;

async function snapshot(): Promise<Snapshot> {
  const db = mongoose.connection.db!;
  // Sorted by _id: a stable order that the _id index serves.
  const lists = await Promise.all(WATCHED.map(async (name) => [name, await db.collection(name).find({}).sort({ _id: 1 }).toArray()] as const));
  // Canonical Extended JSON per document: ObjectIds, numbers and dates compare exactly.
  return Object.fromEntries(lists.map(([name, docs]) => [name, new Map(docs.map((doc) => [String(doc._id), JSON.stringify(mongoose.mongo.BSON.EJSON.serialize(doc, { relaxed: false }))]))]));
}

/** What differs between two snapshots, one line per document and field: short enough to read in a failure. */
function changes(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  for (const name of WATCHED) {
    const [was, is] = [before[name]!, after[name]!];
    for (const id of new Set([...was.keys(), ...is.keys()])) {
      const [a, b] = [was.get(id), is.get(id)];
      if (a === b) continue;
      if (!a || !b) {
        lines.push(`${name} ${id} ${a ? 'removed' : 'added'}`);
        continue;
      }
      const [x, y] = [JSON.parse(a), JSON.parse(b)];
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) lines.push(`${name} ${id} ${key}`);
      }
    }
  }
  return lines;
}

/* Text of a given length, realistic, ending in a letter (trimming must not shorten it) */

function textOf(length: number): string {
  const words = 'Chuyển đổi số cấp tỉnh cần dữ liệu dùng chung và quy trình rõ ràng. ';
  return `${words.repeat(Math.ceil(length / words.length)).slice(0, length - 1)}x`;
}
const TITLE_MAX = 200;
const SUMMARY_MAX = 600;
const MARKDOWN_MAX = 20_000;

/* Cases */

type Expected =
  /** A ValidationError whose fieldErrors are exactly these (path and code). */
  | { invalid: Record<string, string> }
  /** A typed error result. */
  | { typed: 'NotAuthorizedError' | 'NotFoundError' | 'ConflictError' }
  /** A GraphQL error with extensions.code BAD_USER_INPUT (naming `argument` when given), no data. */
  | { badInput: true; argument?: string; message?: RegExp };

interface Case {
  /** What the `it` says after "refuses": "<does X> when <Y>". */
  name: string;
  as: Persona;
  field: string;
  document: string;
  variables: () => Record<string, unknown>;
  expected: Expected;
}

const CODES = { NotAuthorizedError: 'NOT_AUTHORIZED', NotFoundError: 'NOT_FOUND', ConflictError: 'CONFLICT' } as const;

const mutation = (field: string) => {
  const type = `${field[0]!.toUpperCase()}${field.slice(1)}Input`;
  return `mutation ($input: ${type}!) { ${field}(input: $input) { __typename ... on Error { code } ... on ValidationError { fieldErrors { path code } } } }`;
};

/** One row: `field` is the mutation; `input` is built once the fixtures exist. */
const row = (field: string, name: string, as: Persona, input: () => Record<string, unknown>, expected: Expected): Case => ({
  name,
  as,
  field,
  document: mutation(field),
  variables: () => ({ input: input() }),
  expected,
});

const invalid = (path: string, code: string): Expected => ({ invalid: { [path]: code } });
const notAuthorized: Expected = { typed: 'NotAuthorizedError' };
const notFound: Expected = { typed: 'NotFoundError' };
const conflict: Expected = { typed: 'ConflictError' };
const badInput = (argument?: string): Expected => ({ badInput: true, argument });

/**
 * The text values every text field is tried with: empty and blank (where the field is required),
 * one character over the limit, and control characters (NUL, BEL, the RTL override).
 */
function textRows(field: string, label: string, as: Persona, base: () => Record<string, unknown>, path: string, limits: { min: number; max: number }): Case[] {
  const at = (value: string) => () => ({ ...base(), [path]: value });
  const short = limits.min <= 1 ? 'REQUIRED' : 'TOO_SHORT';
  const rows: Case[] = [];
  if (limits.min > 0) {
    rows.push(row(field, `${label} when ${path} is empty`, as, at(''), invalid(path, short)));
    rows.push(row(field, `${label} when ${path} is only whitespace`, as, at(' \t\n\u00a0 '), invalid(path, short)));
  }
  rows.push(row(field, `${label} when ${path} is ${limits.max + 1} characters`, as, at(textOf(limits.max + 1)), invalid(path, 'TOO_LONG')));
  rows.push(row(field, `${label} when ${path} holds NUL (U+0000)`, as, at('Số hóa hồ sơ\u0000 một cửa'), invalid(path, 'INVALID')));
  rows.push(row(field, `${label} when ${path} holds BEL (U+0007)`, as, at('Số hóa hồ sơ\u0007 một cửa'), invalid(path, 'INVALID')));
  rows.push(row(field, `${label} when ${path} holds the RTL override (U+202E)`, as, at('Số hóa hồ sơ \u202eaxc.exe'), invalid(path, 'INVALID')));
  return rows;
}

const practiceId = (name: string) => globalId('Practice', f[name]!);
const threadId = (name: string) => globalId('Thread', f[name]!);

/* Practices */

const createPractice = () => ({ title: 'Số hóa hồ sơ một cửa cấp xã' });
const updateDraft = () => ({ id: practiceId('authorDraft') });

const PRACTICE_CASES: Case[] = [
  ...textRows('createPractice', 'refuses a new practice', 'author', createPractice, 'title', { min: 5, max: TITLE_MAX }),
  row('createPractice', 'refuses a new practice when the title is on a second line', 'author', () => ({ title: 'Số hóa hồ sơ\nmột cửa' }), invalid('title', 'INVALID')),
  ...textRows('createPractice', 'refuses a new practice', 'author', createPractice, 'summary', { min: 0, max: SUMMARY_MAX }),
  ...['problem', 'solution', 'results', 'lessons'].flatMap((field) => textRows('createPractice', 'refuses a new practice', 'author', createPractice, field, { min: 0, max: MARKDOWN_MAX })),
  row('createPractice', 'refuses a new practice when the organisation is unknown', 'author', () => ({ ...createPractice(), organization: 'so-khong-co' }), invalid('organization', 'UNKNOWN')),
  row(
    'createPractice',
    'refuses a new practice when the organisation is an operator written as text',
    'author',
    () => ({ ...createPractice(), organization: '{"$ne":null}' }),
    invalid('organization', 'INVALID'),
  ),
  row('createPractice', 'refuses a new practice when the organisation is an operator object', 'author', () => ({ ...createPractice(), organization: OPERATOR }), badInput()),
  row('createPractice', 'refuses a new practice when the place is a former province', 'author', () => ({ ...createPractice(), place: 'quang-nam' }), invalid('place', 'UNKNOWN')),
  row('createPractice', 'refuses a new practice when a topic is unknown', 'author', () => ({ ...createPractice(), topics: ['du-lieu-so', 'khong-co'] }), invalid('topics.1', 'UNKNOWN')),
  row('createPractice', 'refuses a new practice when a topic is an operator object', 'author', () => ({ ...createPractice(), topics: [OPERATOR] }), badInput()),
  row('createPractice', 'refuses a new practice when a co-author is unknown', 'author', () => ({ ...createPractice(), coAuthors: ['khong.ai'] }), invalid('coAuthors.0', 'UNKNOWN')),
  row('createPractice', 'refuses a new practice when the year is before 2000', 'author', () => ({ ...createPractice(), year: 1999 }), invalid('year', 'INVALID')),
  row(
    'createPractice',
    'refuses a new practice when a link is a javascript: URL',
    'author',
    () => ({ ...createPractice(), links: [{ label: 'Xem', url: 'javascript:alert(1)' }] }),
    invalid('links.0.url', 'INVALID'),
  ),
  row('createPractice', 'refuses a new practice when the stage is not a stage', 'author', () => ({ ...createPractice(), stage: 'DONE' }), badInput()),
  row('createPractice', 'refuses a new practice when signed out', 'anonymous', createPractice, notAuthorized),

  ...textRows('updatePractice', 'refuses changes', 'author', updateDraft, 'title', { min: 5, max: TITLE_MAX }),
  ...textRows('updatePractice', 'refuses changes', 'author', updateDraft, 'summary', { min: 0, max: SUMMARY_MAX }),
  ...textRows('updatePractice', 'refuses changes', 'author', updateDraft, 'solution', { min: 0, max: MARKDOWN_MAX }),
  row('updatePractice', 'refuses changes when the practice is someone else’s published one', 'author', () => ({ id: practiceId('otherPublished'), title: 'Tiêu đề của tôi' }), notAuthorized),
  row('updatePractice', 'refuses changes when the practice is someone else’s draft', 'author', () => ({ id: practiceId('otherDraft'), title: 'Tiêu đề của tôi' }), notFound),
  row('updatePractice', 'refuses changes when baseUpdatedAt is stale', 'author', () => ({ ...updateDraft(), title: 'Tiêu đề mới hơn', baseUpdatedAt: '2024-01-01T00:00:00Z' }), conflict),
  row('updatePractice', 'refuses changes when baseUpdatedAt is not an instant', 'author', () => ({ ...updateDraft(), title: 'Tiêu đề mới hơn', baseUpdatedAt: 'hôm qua' }), badInput()),
  row('updatePractice', 'refuses changes when the id exists nowhere', 'author', () => ({ id: globalId('Practice', NOWHERE), title: 'Tiêu đề mới hơn' }), notFound),
  row('updatePractice', 'refuses changes when the id is a thread’s', 'author', () => ({ id: threadId('discussion'), title: 'Tiêu đề mới hơn' }), badInput()),
  row('updatePractice', 'refuses changes when the id is an operator object', 'author', () => ({ id: OPERATOR, title: 'Tiêu đề mới hơn' }), badInput()),
  row('updatePractice', 'refuses changes when the id’s key is an operator', 'author', () => ({ id: globalId('Practice', '{"$ne":null}'), title: 'Tiêu đề mới hơn' }), invalid('id', 'INVALID')),
  row('updatePractice', 'refuses changes when a topic is an operator written as text', 'author', () => ({ ...updateDraft(), topics: ['{"$ne":null}'] }), invalid('topics.0', 'INVALID')),

  row('submitPractice', 'refuses to submit when the draft does not tell the whole case', 'author', () => ({ id: practiceId('authorDraft') }), {
    invalid: {
      summary: 'REQUIRED',
      problem: 'REQUIRED',
      solution: 'REQUIRED',
      results: 'REQUIRED',
      stage: 'REQUIRED',
      year: 'REQUIRED',
      organization: 'REQUIRED',
      place: 'REQUIRED',
      topics: 'REQUIRED',
    },
  }),
  row('submitPractice', 'refuses to submit when the practice is already submitted', 'author', () => ({ id: practiceId('authorSubmitted') }), conflict),
  row('submitPractice', 'refuses to submit when the practice is published', 'author', () => ({ id: practiceId('authorPublished') }), conflict),
  row('submitPractice', 'refuses to submit when the practice is someone else’s', 'author', () => ({ id: practiceId('otherPublished') }), notAuthorized),
  row('submitPractice', 'refuses to submit when the practice is someone else’s draft', 'author', () => ({ id: practiceId('otherDraft') }), notFound),
  row('submitPractice', 'refuses to submit when the id exists nowhere', 'author', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('submitPractice', 'refuses to submit when the id is an expert’s', 'author', () => ({ id: globalId('Expert', people.author.id) }), badInput()),
];

const REVIEW_CASES: Case[] = [
  row('publishPractice', 'refuses to publish when the viewer is not a curator', 'other', () => ({ id: practiceId('authorSubmitted') }), notAuthorized),
  row('publishPractice', 'refuses to publish when the author publishes their own', 'author', () => ({ id: practiceId('authorSubmitted') }), notAuthorized),
  row('publishPractice', 'refuses to publish when the curator is its author', 'curator', () => ({ id: practiceId('curatorSubmitted') }), notAuthorized),
  row('publishPractice', 'refuses to publish when the practice is a draft', 'curator', () => ({ id: practiceId('otherDraft') }), notFound),
  row('publishPractice', 'refuses to publish when the practice is already published', 'curator', () => ({ id: practiceId('otherPublished') }), conflict),
  row('publishPractice', 'refuses to publish when the id exists nowhere', 'curator', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('publishPractice', 'refuses to publish when the id is a thread’s', 'curator', () => ({ id: threadId('question') }), badInput()),
  row('publishPractice', 'refuses to publish when signed out', 'anonymous', () => ({ id: practiceId('authorSubmitted') }), notAuthorized),
  row('returnPractice', 'refuses to return when the viewer is not a curator', 'other', () => ({ id: practiceId('authorSubmitted'), reason: 'Cần thêm số liệu kết quả.' }), notAuthorized),
  row('returnPractice', 'refuses to return when the curator is its author', 'curator', () => ({ id: practiceId('curatorSubmitted'), reason: 'Cần thêm số liệu kết quả.' }), notAuthorized),
  row('returnPractice', 'refuses to return when the practice is already published', 'curator', () => ({ id: practiceId('otherPublished'), reason: 'Cần thêm số liệu kết quả.' }), conflict),
  ...textRows('returnPractice', 'refuses to return', 'curator', () => ({ id: practiceId('authorSubmitted') }), 'reason', { min: 3, max: 2000 }),
];

const ENDORSEMENT_CASES: Case[] = [
  row('endorsePractice', 'refuses an endorsement when the practice is the viewer’s own', 'author', () => ({ id: practiceId('authorPublished') }), notAuthorized),
  row('endorsePractice', 'refuses an endorsement when the practice is the viewer’s own draft', 'author', () => ({ id: practiceId('authorDraft') }), conflict),
  row('endorsePractice', 'refuses an endorsement when the practice is someone else’s draft', 'reader', () => ({ id: practiceId('otherDraft') }), notFound),
  row('endorsePractice', 'refuses an endorsement when the practice is submitted, not published', 'curator', () => ({ id: practiceId('authorSubmitted') }), conflict),
  row('endorsePractice', 'refuses an endorsement when the id exists nowhere', 'reader', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('endorsePractice', 'refuses an endorsement when the id is a thread’s', 'reader', () => ({ id: threadId('discussion') }), badInput()),
  row('endorsePractice', 'refuses an endorsement when the id is an operator object', 'reader', () => ({ id: OPERATOR }), badInput()),
  row('endorsePractice', 'refuses an endorsement when signed out', 'anonymous', () => ({ id: practiceId('otherPublished') }), notAuthorized),
  row('withdrawEndorsement', 'refuses a withdrawal when the practice is someone else’s draft', 'reader', () => ({ id: practiceId('otherDraft') }), notFound),
  row('withdrawEndorsement', 'refuses a withdrawal when the id exists nowhere', 'reader', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('withdrawEndorsement', 'refuses a withdrawal when the id is an expert’s', 'reader', () => ({ id: globalId('Expert', people.other.id) }), badInput()),
];

/* Threads and replies */

const newThread = () => ({ kind: 'QUESTION', title: 'Kinh nghiệm thuê dịch vụ CNTT cấp tỉnh?', body: 'Xin chia sẻ.', topics: ['du-lieu-so'] });
const editOwn = () => ({ threadId: threadId('discussion'), title: 'Chủ đề đã sửa về dữ liệu số', body: 'Nội dung đã sửa.' });

const THREAD_CASES: Case[] = [
  ...textRows('createThread', 'refuses a new thread', 'author', newThread, 'title', { min: 10, max: TITLE_MAX }),
  row('createThread', 'refuses a new thread when the title is on a second line', 'author', () => ({ ...newThread(), title: 'Kinh nghiệm thuê\r\ndịch vụ CNTT' }), invalid('title', 'INVALID')),
  ...textRows('createThread', 'refuses a new thread', 'author', newThread, 'body', { min: 0, max: MARKDOWN_MAX }),
  row('createThread', 'refuses a new thread when a topic is unknown', 'author', () => ({ ...newThread(), topics: ['khong-co'] }), invalid('topics.0', 'UNKNOWN')),
  row('createThread', 'refuses a new thread when a topic is an operator written as text', 'author', () => ({ ...newThread(), topics: ['{"$ne":null}'] }), invalid('topics.0', 'INVALID')),
  row('createThread', 'refuses a new thread when it has six topics', 'author', () => ({ ...newThread(), topics: ['a', 'b', 'c', 'd', 'e', 'f'] }), invalid('topics', 'TOO_LONG')),
  row('createThread', 'refuses a new thread when the place is a former province', 'author', () => ({ ...newThread(), place: 'quang-nam' }), invalid('place', 'UNKNOWN')),
  row('createThread', 'refuses a new thread when the place is an operator object', 'author', () => ({ ...newThread(), place: OPERATOR }), badInput()),
  row('createThread', 'refuses a new thread when the kind is not a kind', 'author', () => ({ ...newThread(), kind: 'POLL' }), badInput()),
  row('createThread', 'refuses a new thread when signed out', 'anonymous', newThread, notAuthorized),

  ...textRows('editThread', 'refuses an edit of a thread', 'author', editOwn, 'title', { min: 10, max: TITLE_MAX }),
  ...textRows('editThread', 'refuses an edit of a thread', 'author', editOwn, 'body', { min: 0, max: MARKDOWN_MAX }),
  row('editThread', 'refuses an edit of a thread when it is someone else’s', 'other', editOwn, notAuthorized),
  row('editThread', 'refuses an edit of a thread when it is locked', 'author', () => ({ ...editOwn(), threadId: threadId('locked') }), conflict),
  row('editThread', 'refuses an edit of a thread when the place is a former province', 'author', () => ({ ...editOwn(), place: 'quang-nam' }), invalid('place', 'UNKNOWN')),
  row('editThread', 'refuses an edit of a thread when the id exists nowhere', 'author', () => ({ ...editOwn(), threadId: globalId('Thread', NOWHERE) }), notFound),
  row('editThread', 'refuses an edit of a thread when the id is a practice’s', 'author', () => ({ ...editOwn(), threadId: practiceId('authorPublished') }), badInput()),
  row('editThread', 'refuses an edit of a thread when the id is an operator object', 'author', () => ({ ...editOwn(), threadId: OPERATOR }), badInput()),

  row('startPracticeDiscussion', 'refuses to start a discussion when the practice is the viewer’s draft', 'author', () => ({ practiceId: practiceId('authorDraft') }), conflict),
  row('startPracticeDiscussion', 'refuses to start a discussion when the practice is someone else’s draft', 'reader', () => ({ practiceId: practiceId('otherDraft') }), notFound),
  row('startPracticeDiscussion', 'refuses to start a discussion when the practice is submitted, not published', 'curator', () => ({ practiceId: practiceId('authorSubmitted') }), conflict),
  row('startPracticeDiscussion', 'refuses to start a discussion when the id exists nowhere', 'reader', () => ({ practiceId: globalId('Practice', NOWHERE) }), notFound),
  row('startPracticeDiscussion', 'refuses to start a discussion when the id is a thread’s', 'reader', () => ({ practiceId: threadId('discussion') }), badInput()),
  row('startPracticeDiscussion', 'refuses to start a discussion when signed out', 'anonymous', () => ({ practiceId: practiceId('otherPublished') }), notAuthorized),
];

const newReply = () => ({ threadId: threadId('discussion'), body: 'Cảm ơn anh đã chia sẻ.' });

const REPLY_CASES: Case[] = [
  ...textRows('replyToThread', 'refuses a reply', 'reader', newReply, 'body', { min: 1, max: MARKDOWN_MAX }),
  row('replyToThread', 'refuses a reply when the thread is locked', 'reader', () => ({ ...newReply(), threadId: threadId('locked') }), conflict),
  row('replyToThread', 'refuses a reply when the thread exists nowhere', 'reader', () => ({ ...newReply(), threadId: globalId('Thread', NOWHERE) }), notFound),
  row('replyToThread', 'refuses a reply when the thread id is a practice’s', 'reader', () => ({ ...newReply(), threadId: practiceId('otherPublished') }), badInput()),
  row('replyToThread', 'refuses a reply when the thread id is an operator object', 'reader', () => ({ ...newReply(), threadId: OPERATOR }), badInput()),
  row('replyToThread', 'refuses a reply when the parent was removed', 'reader', () => ({ ...newReply(), parentId: f.discussionRemoved }), conflict),
  row('replyToThread', 'refuses a reply when the parent is a reply of another thread', 'reader', () => ({ ...newReply(), parentId: f.answerByOther }), invalid('parentId', 'INVALID')),
  row('replyToThread', 'refuses a reply when the parent exists nowhere', 'reader', () => ({ ...newReply(), parentId: NOWHERE }), notFound),
  row('replyToThread', 'refuses a reply when the parent is a global id', 'reader', () => ({ ...newReply(), parentId: threadId('discussion') }), invalid('parentId', 'INVALID')),
  row('replyToThread', 'refuses a reply when the parent is an operator object', 'reader', () => ({ ...newReply(), parentId: OPERATOR }), badInput()),
  row('replyToThread', 'refuses a reply when signed out', 'anonymous', newReply, notAuthorized),

  ...textRows('editReply', 'refuses an edit of a reply', 'author', () => ({ replyId: f.discussionByAuthor }), 'body', { min: 1, max: MARKDOWN_MAX }),
  row('editReply', 'refuses an edit of a reply when it is someone else’s', 'author', () => ({ replyId: f.discussionByOther, body: 'Sửa lời của người khác.' }), notAuthorized),
  row('editReply', 'refuses an edit of a reply when it was removed', 'author', () => ({ replyId: f.discussionOwnRemoved, body: 'Viết lại lời đã gỡ.' }), notAuthorized),
  row('editReply', 'refuses an edit of a reply when the thread is locked', 'author', () => ({ replyId: f.lockedReplyByAuthor, body: 'Sửa trong chủ đề đã khóa.' }), conflict),
  row('editReply', 'refuses an edit of a reply when it exists nowhere', 'author', () => ({ replyId: NOWHERE, body: 'Sửa lời không có.' }), notFound),
  row('editReply', 'refuses an edit of a reply when the id is a global id', 'author', () => ({ replyId: threadId('discussion'), body: 'Sửa lời không có.' }), invalid('replyId', 'INVALID')),
  row('editReply', 'refuses an edit of a reply when the id is an operator object', 'author', () => ({ replyId: OPERATOR, body: 'Sửa lời không có.' }), badInput()),

  row('deleteReply', 'refuses to remove a reply when it is someone else’s', 'author', () => ({ replyId: f.discussionByOther }), notAuthorized),
  row('deleteReply', 'refuses to remove a reply when it exists nowhere', 'author', () => ({ replyId: NOWHERE }), notFound),
  row('deleteReply', 'refuses to remove a reply when the id is an operator object', 'author', () => ({ replyId: OPERATOR }), badInput()),
  row('deleteReply', 'refuses to remove a reply when signed out', 'anonymous', () => ({ replyId: f.discussionByOther }), notAuthorized),
];

const ANSWER_CASES: Case[] = [
  row('voteForAnswer', 'refuses a vote when the answer is the viewer’s own', 'other', () => ({ replyId: f.answerByOther }), notAuthorized),
  row('voteForAnswer', 'refuses a vote when the reply is nested, not an answer', 'author', () => ({ replyId: f.nestedUnderAnswer }), conflict),
  row('voteForAnswer', 'refuses a vote when the reply is in a discussion', 'reader', () => ({ replyId: f.discussionByOther }), conflict),
  row('voteForAnswer', 'refuses a vote when the answer was removed', 'author', () => ({ replyId: f.answerRemoved }), conflict),
  row('voteForAnswer', 'refuses a vote when the question is locked', 'reader', () => ({ replyId: f.lockedAnswerByOther }), conflict),
  row('voteForAnswer', 'refuses a vote when the reply exists nowhere', 'reader', () => ({ replyId: NOWHERE }), notFound),
  row('voteForAnswer', 'refuses a vote when the id is a global id', 'reader', () => ({ replyId: threadId('question') }), invalid('replyId', 'INVALID')),
  row('voteForAnswer', 'refuses a vote when signed out', 'anonymous', () => ({ replyId: f.answerByOther }), notAuthorized),

  row('acceptAnswer', 'refuses to accept when the question is someone else’s', 'reader', () => ({ replyId: f.answerByOther }), notAuthorized),
  row('acceptAnswer', 'refuses to accept when the answer is in another asker’s question', 'author', () => ({ replyId: f.answerInOthersQuestion }), notAuthorized),
  row('acceptAnswer', 'refuses to accept when the reply is of another thread, a discussion', 'author', () => ({ replyId: f.discussionByOther }), conflict),
  row('acceptAnswer', 'refuses to accept when the reply is nested', 'author', () => ({ replyId: f.nestedUnderAnswer }), conflict),
  row('acceptAnswer', 'refuses to accept when the answer was removed', 'author', () => ({ replyId: f.answerRemoved }), conflict),
  row('acceptAnswer', 'refuses to accept when the question is locked', 'author', () => ({ replyId: f.lockedAnswerByOther }), conflict),
  row('acceptAnswer', 'refuses to accept when the reply exists nowhere', 'author', () => ({ replyId: NOWHERE }), notFound),
  row('acceptAnswer', 'refuses to accept when the id is an operator object', 'author', () => ({ replyId: OPERATOR }), badInput()),
];

/* Following, saving, reading */

const FOLLOW_CASES: Case[] = [
  row('followExpert', 'refuses to follow when the expert is the viewer', 'reader', () => ({ id: globalId('Expert', people.reader.id), following: true }), conflict),
  row('followExpert', 'refuses to follow when the expert exists nowhere', 'reader', () => ({ id: globalId('Expert', NOWHERE), following: true }), notFound),
  row('followExpert', 'refuses to follow when the id is a thread’s', 'reader', () => ({ id: threadId('discussion'), following: true }), badInput()),
  row('followExpert', 'refuses to follow when the id is an operator object', 'reader', () => ({ id: OPERATOR, following: true }), badInput()),
  row('followExpert', 'refuses to follow when the id’s key is an operator', 'reader', () => ({ id: globalId('Expert', '{"$ne":null}'), following: true }), invalid('id', 'INVALID')),
  row('followTopic', 'refuses to follow when the topic slug is unknown', 'reader', () => ({ topic: 'khong-co', following: true }), notFound),
  row('followTopic', 'refuses to follow when the topic slug is empty', 'reader', () => ({ topic: '', following: true }), invalid('topic', 'INVALID')),
  row('followTopic', 'refuses to follow when the topic slug is an operator written as text', 'reader', () => ({ topic: '{"$ne":null}', following: true }), invalid('topic', 'INVALID')),
  row('followTopic', 'refuses to follow when the topic slug is an operator object', 'reader', () => ({ topic: OPERATOR, following: true }), badInput()),
  row('followThread', 'refuses to follow when the thread exists nowhere', 'reader', () => ({ id: globalId('Thread', NOWHERE), following: true }), notFound),
  row('followThread', 'refuses to follow when the id is a practice’s', 'reader', () => ({ id: practiceId('otherPublished'), following: true }), badInput()),
  row('followThread', 'refuses to follow when signed out', 'anonymous', () => ({ id: threadId('discussion'), following: true }), notAuthorized),
];

const BOOKMARK_CASES: Case[] = [
  row('bookmarkPractice', 'refuses a bookmark when the practice is someone else’s draft', 'reader', () => ({ id: practiceId('otherDraft'), bookmarked: true }), notFound),
  row('bookmarkPractice', 'refuses a bookmark when the practice exists nowhere', 'reader', () => ({ id: globalId('Practice', NOWHERE), bookmarked: true }), notFound),
  row('bookmarkPractice', 'refuses a bookmark when the id is a thread’s', 'reader', () => ({ id: threadId('discussion'), bookmarked: true }), badInput()),
  row('bookmarkPractice', 'refuses a bookmark when the id is an operator object', 'reader', () => ({ id: OPERATOR, bookmarked: true }), badInput()),
  row('bookmarkThread', 'refuses a bookmark when the thread exists nowhere', 'reader', () => ({ id: globalId('Thread', NOWHERE), bookmarked: true }), notFound),
  row('bookmarkThread', 'refuses a bookmark when the id is a practice’s', 'reader', () => ({ id: practiceId('otherPublished'), bookmarked: true }), badInput()),
  row('bookmarkThread', 'refuses a bookmark when signed out', 'anonymous', () => ({ id: threadId('discussion'), bookmarked: true }), notAuthorized),
];

const VIEW_CASES: Case[] = [
  row('recordView', 'refuses to count a reader when the practice is someone else’s draft', 'reader', () => ({ id: practiceId('otherDraft') }), notFound),
  row('recordView', 'refuses to count a reader when the practice is a draft and the reader signed out', 'anonymous', () => ({ id: practiceId('authorDraft') }), notFound),
  row('recordView', 'refuses to count a reader when the id is an expert’s', 'reader', () => ({ id: globalId('Expert', people.other.id) }), badInput('input.id')),
  row('recordView', 'refuses to count a reader when the practice exists nowhere', 'reader', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('recordView', 'refuses to count a reader when the thread exists nowhere', 'reader', () => ({ id: globalId('Thread', NOWHERE) }), notFound),
  row('recordView', 'refuses to count a reader when the thread is read signed out', 'anonymous', () => ({ id: threadId('discussion') }), notAuthorized),
  row('recordView', 'refuses to count a reader when the id is an operator object', 'reader', () => ({ id: OPERATOR }), badInput()),
];

/* Search: a query, but it must refuse the same way and write nothing */

const SEARCH = `query ($query: String!, $filter: SearchFilter) { search(query: $query, filter: $filter, first: 5) { counts { practices threads experts } } }`;
const search = (name: string, query: string, argument: string, filter?: Record<string, unknown>, message?: RegExp): Case => ({
  name,
  as: 'reader',
  field: 'search',
  document: SEARCH,
  variables: () => ({ query, ...(filter ? { filter } : {}) }),
  expected: { badInput: true, argument, message },
});
/** One word of `length` letters: long, yet a single word. */
const oneWord = (length: number) => 'nentangdulieuso'.repeat(Math.ceil(length / 15)).slice(0, length);
/** Thirteen different words, none an acronym (which would expand). */
const THIRTEEN_WORDS = ['lúa', 'gạo', 'cà', 'phê', 'hồ', 'tiêu', 'cao', 'su', 'điều', 'chè', 'mía', 'sắn', 'ngô'];
const SEARCH_CASES: Case[] = [
  search('refuses a search when the query is empty', '', 'query'),
  search('refuses a search when the query is only whitespace', '   \t ', 'query'),
  search('refuses a search when the query is 201 characters', oneWord(201), 'query', undefined, /200 characters/),
  search('refuses a search when the query has 13 words', THIRTEEN_WORDS.join(' '), 'query', undefined, /12 words/),
  search('refuses a search when the query holds NUL', 'dữ liệu\u0000', 'query'),
  search('refuses a search when the topic is unknown', 'dữ liệu', 'filter.topic', { topic: 'khong-co' }),
  search('refuses a search when the topic is an operator written as text', 'dữ liệu', 'filter.topic', { topic: '{"$ne":null}' }),
  { ...search('refuses a search when the topic is an operator object', 'dữ liệu', '', { topic: OPERATOR }), expected: badInput() },
];

/* Running a row */

async function check(c: Case) {
  const before = await snapshot();
  const response: GraphQLResponse = await graphql(c.document, c.variables(), { cookie: cookieOf(c.as) });
  const expected = c.expected;
  if ('badInput' in expected) {
    expect(
      response.errors?.map((e) => e.extensions?.code),
      JSON.stringify(response.errors),
    ).toEqual(['BAD_USER_INPUT']);
    if (expected.argument) expect(response.errors![0]!.extensions!.argument).toBe(expected.argument);
    if (expected.message) expect(response.errors![0]!.message).toMatch(expected.message);
    expect(response.data?.[c.field] ?? null).toBeNull();
  } else {
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const result = response.data[c.field];
    if ('invalid' in expected) {
      expect(result.__typename).toBe('ValidationError');
      expect(result.code).toBe('VALIDATION_FAILED');
      const got = Object.fromEntries(result.fieldErrors.map((e: { path: string; code: string }) => [e.path, e.code]));
      expect(got).toEqual(expected.invalid);
      expect(result.fieldErrors).toHaveLength(Object.keys(expected.invalid).length);
    } else {
      expect(result).toEqual({ __typename: expected.typed, code: CODES[expected.typed] });
    }
  }
  expect(changes(before, await snapshot()), 'the database changed').toEqual([]);
}

const TABLE: [string, Case[]][] = [
  ['Practice', PRACTICE_CASES],
  ['PracticeReview', REVIEW_CASES],
  ['Endorsement', ENDORSEMENT_CASES],
  ['Thread', THREAD_CASES],
  ['Reply', REPLY_CASES],
  ['Answer', ANSWER_CASES],
  ['Follow', FOLLOW_CASES],
  ['Bookmark', BOOKMARK_CASES],
  ['View', VIEW_CASES],
  ['Search', SEARCH_CASES],
];

for (const [noun, cases] of TABLE) {
  describe(noun, () => {
    for (const c of cases) it(`${c.name}, changing nothing`, () => check(c));
  });
}

describe('Search', () => {
  it('answers a query of 12 words and 200 characters, so the limits are exactly those', async () => {
    for (const query of [THIRTEEN_WORDS.slice(0, 12).join(' '), oneWord(200)]) {
      const response = await graphql(SEARCH, { query }, { cookie: people.reader.cookie });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data.search.counts).toEqual({ practices: 0, threads: 0, experts: 0 });
    }
  });
});

describe('Vote', () => {
  const VOTE = `mutation ($input: VoteForAnswerInput!) { voteForAnswer(input: $input) { __typename ... on Error { code } ... on VoteForAnswerPayload { reply { voteCount viewerVoted } } } }`;

  it('counts one vote when the same person votes twice, and again five times at once', async () => {
    const first = await graphql(VOTE, { input: { replyId: f.answerByOther } }, { cookie: people.reader.cookie });
    expect(first.data.voteForAnswer).toEqual({ __typename: 'VoteForAnswerPayload', reply: { voteCount: 1, viewerVoted: true } });
    const before = await snapshot();
    const again = await graphql(VOTE, { input: { replyId: f.answerByOther } }, { cookie: people.reader.cookie });
    expect(again.data.voteForAnswer).toEqual({ __typename: 'VoteForAnswerPayload', reply: { voteCount: 1, viewerVoted: true } });
    const burst = await Promise.all(Array.from({ length: 5 }, () => graphql(VOTE, { input: { replyId: f.answerByOther } }, { cookie: people.reader.cookie })));
    expect(burst.map((r) => r.data.voteForAnswer.reply.voteCount)).toEqual([1, 1, 1, 1, 1]);
    expect(await Vote.countDocuments({ reply: f.answerByOther })).toBe(1);
    expect(changes(before, await snapshot()), 'a repeated vote changed the database').toEqual([]);
  });
});

describe('Markdown', () => {
  const REPLY = `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename ... on Error { code } ... on ReplyToThreadPayload { reply { id body bodyHtml } } } }`;

  /** Sends a reply and returns it, checking that only it (and its thread's counters) were written. */
  async function bomb(body: string) {
    const before = await Reply.estimatedDocumentCount();
    const started = performance.now();
    const response = await graphql(REPLY, { input: { threadId: threadId('discussion'), body } }, { cookie: people.reader.cookie });
    const elapsed = performance.now() - started;
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data.replyToThread.__typename).toBe('ReplyToThreadPayload');
    const { id, body: stored, bodyHtml } = response.data.replyToThread.reply;
    expect(stored).toBe(body);
    expect((await Reply.findById(id).lean())!.body).toBe(body);
    expect(await Reply.estimatedDocumentCount()).toBe(before + 1);
    expect(elapsed, 'rendering took too long').toBeLessThan(5_000);
    // Read back from the thread too: the stored reply renders again the same way.
    const THREAD = `query ($id: ID!) { thread(id: $id) { replies(first: 50) { edges { node { id bodyHtml } } } } }`;
    const page = await graphql(THREAD, { id: threadId('discussion') }, { cookie: people.other.cookie });
    expect(page.data.thread.replies.edges.find((e: any) => e.node.id === id).node.bodyHtml).toBe(bodyHtml);
    return bodyHtml as string;
  }

  it('stores 5,000 nested quotes inert, nests them only so deep and keeps what follows', async () => {
    const body = `${'> '.repeat(5_000)}Trích dẫn lồng nhau\n\nĐoạn sau vẫn hiện. <script>alert(1)</script>`;
    expect(body.length).toBeLessThanOrEqual(MARKDOWN_MAX);
    const html = await bomb(body);
    expect(html.split('<blockquote>').length - 1).toBe(20);
    expect(html).toContain('<p>Đoạn sau vẫn hiện. &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).not.toMatch(/<script/i);
  });

  it('stores a 1,000-row table inert and renders every row', async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => `| Xã ${i + 1} | ${i * 7} |`);
    const body = ['| Đơn vị | Hồ sơ trực tuyến |', '|---|---:|', ...rows].join('\n');
    expect(body.length).toBeLessThanOrEqual(MARKDOWN_MAX);
    const html = await bomb(body);
    expect(html.split('<tr>').length - 1).toBe(1_001);
    expect(html).toContain('<td>Xã 1000</td>');
    expect(html).toContain('<td style="text-align:right">6993</td>');
  });
});

describe('Endorsement', () => {
  it('keeps its updatedAt when a reader endorses it or withdraws nothing, so its authors’ next save does not conflict', async () => {
    const UPDATE = `mutation ($input: UpdatePracticeInput!) { updatePractice(input: $input) { __typename ... on Error { code } } }`;
    const ENDORSE = `mutation ($input: EndorsePracticeInput!) { endorsePractice(input: $input) { __typename } }`;
    const WITHDRAW = `mutation ($input: WithdrawEndorsementInput!) { withdrawEndorsement(input: $input) { __typename } }`;
    const opened = (await Practice.findById(f.authorPublished).lean())!.updatedAt;
    expect((await graphql(ENDORSE, { input: { id: practiceId('authorPublished') } }, { cookie: people.reader.cookie })).data.endorsePractice.__typename).toBe('EndorsePracticePayload');
    const saved = await graphql(
      UPDATE,
      { input: { id: practiceId('authorPublished'), lessons: 'Bài học bổ sung sau một năm vận hành.', baseUpdatedAt: opened.toISOString() } },
      { cookie: people.author.cookie },
    );
    expect(saved.data.updatePractice).toEqual({ __typename: 'UpdatePracticePayload' });
    const before = await snapshot();
    expect((await graphql(WITHDRAW, { input: { id: practiceId('authorPublished') } }, { cookie: people.other.cookie })).data.withdrawEndorsement.__typename).toBe('WithdrawEndorsementPayload');
    expect(changes(before, await snapshot()), 'withdrawing no endorsement changed the database').toEqual([]);
  });
});
