// The content-rules tests' fixtures and rows: personas and content made straight in the database, and
// a row runner that checks each refusal's typed answer and that the content collections did not change.
// The rows are in test/api/content-rules-{practices,discussions}.test.ts.
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
import { useTestDatabase } from './database.ts';
import { createExpert, createReferenceData } from './factories.ts';
import { graphql, type GraphQLResponse, sessionCookieFor } from './graphql.ts';

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
/** A well-formed ObjectId that no document has. */
export const NOWHERE = '0123456789abcdef01234567';
export const OPERATOR = { $ne: null };

/* Personas and fixtures, made straight in the database */

export type Persona = 'author' | 'other' | 'reader' | 'curator' | 'anonymous';
export const people: Record<Exclude<Persona, 'anonymous'>, { id: string; cookie: string }> = {} as never;
const cookieOf = (who: Persona) => (who === 'anonymous' ? undefined : people[who].cookie);
const idOf = (who: Exclude<Persona, 'anonymous'>) => people[who].id;
/** Raw ids of the fixtures, by name. */
export const f: Record<string, string> = {};

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

/** This file's database with the personas and fixtures above, and fresh rate limits for every test. */
export function useContentFixtures() {
  useTestDatabase();
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
}

/* The database before and after */

const WATCHED = [Practice, PracticeRevision, Thread, Reply, Vote, Endorsement, Follow, Bookmark, View, ViewCount, AuditEntry].map((m) => m.collection.collectionName);

type Snapshot = Record<string, Map<string, string>>;

export async function snapshot(): Promise<Snapshot> {
  const db = mongoose.connection.db!;
  // Sorted by _id: a stable order that the _id index serves.
  const lists = await Promise.all(WATCHED.map(async (name) => [name, await db.collection(name).find({}).sort({ _id: 1 }).toArray()] as const));
  // Canonical Extended JSON per document: ObjectIds, numbers and dates compare exactly.
  return Object.fromEntries(lists.map(([name, docs]) => [name, new Map(docs.map((doc) => [String(doc._id), JSON.stringify(mongoose.mongo.BSON.EJSON.serialize(doc, { relaxed: false }))]))]));
}

/** What differs between two snapshots, one line per document and field: short enough to read in a failure. */
export function changes(before: Snapshot, after: Snapshot): string[] {
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

export function textOf(length: number): string {
  const words = 'Chuyển đổi số cấp tỉnh cần dữ liệu dùng chung và quy trình rõ ràng. ';
  return `${words.repeat(Math.ceil(length / words.length)).slice(0, length - 1)}x`;
}
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 600;
export const MARKDOWN_MAX = 20_000;

/* Cases */

export type Expected =
  /** A ValidationError whose fieldErrors are exactly these (path and code). */
  | { invalid: Record<string, string> }
  /** A typed error result. */
  | { typed: 'NotAuthorizedError' | 'NotFoundError' | 'ConflictError' }
  /** A GraphQL error with extensions.code BAD_USER_INPUT (naming `argument` when given), no data. */
  | { badInput: true; argument?: string; message?: RegExp };

export interface Case {
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
export const row = (field: string, name: string, as: Persona, input: () => Record<string, unknown>, expected: Expected): Case => ({
  name,
  as,
  field,
  document: mutation(field),
  variables: () => ({ input: input() }),
  expected,
});

export const invalid = (path: string, code: string): Expected => ({ invalid: { [path]: code } });
export const notAuthorized: Expected = { typed: 'NotAuthorizedError' };
export const notFound: Expected = { typed: 'NotFoundError' };
export const conflict: Expected = { typed: 'ConflictError' };
export const badInput = (argument?: string): Expected => ({ badInput: true, argument });

/**
 * The text values every text field is tried with: empty and blank (where the field is required),
 * one character over the limit, and control characters (NUL, BEL, the RTL override).
 */
export function textRows(field: string, label: string, as: Persona, base: () => Record<string, unknown>, path: string, limits: { min: number; max: number }): Case[] {
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

export const practiceId = (name: string) => globalId('Practice', f[name]!);
export const threadId = (name: string) => globalId('Thread', f[name]!);

/* Running a row */

export async function check(c: Case) {
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

/** One describe per noun, one test per row: each row refuses as it says and changes nothing. */
export function describeRows(table: [string, Case[]][]) {
  for (const [noun, cases] of table) {
    describe(noun, () => {
      for (const c of cases) it(`${c.name}, changing nothing`, () => check(c));
    });
  }
}
