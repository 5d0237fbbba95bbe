import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * Names that cannot pass for someone else's: invisible, control, private-use and unassigned
 * characters and piles of combining marks are refused with a code naming the rule, wherever a
 * name is set; a name that looks like a staff member's is saved and flagged for moderators.
 */

useTestDatabase();

const staff: Record<'admin' | 'moderator' | 'curator', { id: string; handle: string; name: string; cookie: string }> = {} as never;
let member = { id: '', cookie: '' };

beforeAll(async () => {
  await createReferenceData();
  for (const [role, handle, name] of [
    ['admin', 'tuantm', 'Trần Minh Tuấn'],
    ['moderator', 'thang.dv', 'Đỗ Văn Thắng'],
    ['curator', 'ha.ltt', 'Lê Thị Thu Hà'],
  ] as const) {
    const expert = await createExpert({ handle, name });
    await Expert.updateOne({ _id: expert._id }, { $set: { role } });
    staff[role] = { id: String(expert._id), handle, name, cookie: await sessionCookieFor(String(expert._id)) };
  }
  const expert = await createExpert({ handle: 'member.one', name: 'Phan Thanh Bình' });
  member = { id: String(expert._id), cookie: await sessionCookieFor(String(expert._id)) };
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${RESULT} ... on SignUpPayload { email } } }`;
const UPDATE_PROFILE = `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { ${RESULT} ... on UpdateProfilePayload { expert { handle name } } } }`;
const NAME_FLAGS = `{ nameFlags(first: 50) { totalCount edges { node { action from to actor { handle } subject { handle } } } } }`;

let emails = 0;
/** Signs up; a success comes back with the new member as stored (sign-up itself answers with the address only). */
async function signUp(name: string) {
  const email = `nguoi${++emails}@example.vn`;
  const result = (await graphql(SIGN_UP, { input: { name, email, password: 'mat-khau-rat-dai' } })).data.signUp;
  if (result.__typename !== 'SignUpPayload') return result;
  const expert = (await Expert.findById((await Account.findOne({ emailKey: email }).lean())!._id).lean())!;
  return { __typename: result.__typename, viewer: { handle: expert.handle, name: expert.name } };
}
const rename = async (name: string, cookie = member.cookie) => (await graphql(UPDATE_PROFILE, { input: { name } }, { cookie })).data.updateProfile;
const flags = async (cookie = staff.moderator.cookie) => (await graphql(NAME_FLAGS, {}, { cookie })).data.nameFlags;
const flagsAbout = async (handle: string) => (await flags()).edges.map((e: any) => e.node).filter((n: any) => n.actor.handle === handle);

/* One of each kind of character a name must not hold, with the code that refuses it. */
const REFUSED: [label: string, name: string, code: string][] = [
  ['zero-width space U+200B', 'Trần\u200BMinh Tuấn', 'INVISIBLE_CHARACTER'],
  ['zero-width non-joiner U+200C', 'Trần Minh\u200C Tuấn', 'INVISIBLE_CHARACTER'],
  ['zero-width joiner U+200D', 'Trần Minh\u200D Tuấn', 'INVISIBLE_CHARACTER'],
  ['word joiner U+2060', 'Trần Minh\u2060 Tuấn', 'INVISIBLE_CHARACTER'],
  ['zero-width no-break space U+FEFF', 'Trần Minh\uFEFF Tuấn', 'INVISIBLE_CHARACTER'],
  ['soft hyphen U+00AD', 'Trần Minh Tu\u00ADấn', 'INVISIBLE_CHARACTER'],
  ['right-to-left mark U+200F', 'Trần Minh Tuấn\u200F', 'INVISIBLE_CHARACTER'],
  ['tag characters U+E0001 U+E0041', 'Trần Minh Tuấn\u{E0001}\u{E0041}', 'INVISIBLE_CHARACTER'],
  ['Hangul filler U+3164', 'Trần Minh Tuấn\u3164', 'INVISIBLE_CHARACTER'],
  ['Hangul choseong filler U+115F', 'Trần \u115FMinh Tuấn', 'INVISIBLE_CHARACTER'],
  ['halfwidth Hangul filler U+FFA0', 'Trần\uFFA0Minh Tuấn', 'INVISIBLE_CHARACTER'],
  ['Mongolian vowel separator U+180E', 'Trần\u180EMinh Tuấn', 'INVISIBLE_CHARACTER'],
  ['variation selector U+FE0F', 'Trần Minh Tuấn\uFE0F', 'INVISIBLE_CHARACTER'],
  ['combining grapheme joiner U+034F', 'Trần Minh Tua\u034F\u0302\u0301n', 'INVISIBLE_CHARACTER'],
  ['braille blank U+2800', 'Trần Minh Tuấn\u2800', 'INVISIBLE_CHARACTER'],
  ['escape U+001B', 'Trần Minh Tuấn\u001B[2J', 'CONTROL_CHARACTER'],
  ['C1 control U+0085', 'Trần Minh\u0085Tuấn', 'CONTROL_CHARACTER'],
  ['right-to-left override U+202E', 'Trần Minh Tuấn\u202Enimda', 'CONTROL_CHARACTER'],
  ['private-use U+E000', 'Trần Minh Tuấn\uE000', 'PRIVATE_USE_CHARACTER'],
  ['supplementary private-use U+100000', 'Trần Minh Tuấn\u{100000}', 'PRIVATE_USE_CHARACTER'],
  ['unassigned U+0378', 'Trần Minh Tuấn\u0378', 'UNASSIGNED_CHARACTER'],
  ['noncharacter U+FFFF', 'Trần Minh Tuấn\uFFFF', 'UNASSIGNED_CHARACTER'],
  ['three combining marks on a letter', 'Trần Minh Tu\u0336\u0337\u0338n', 'TOO_MANY_MARKS'],
  ['a Zalgo pile', `Trần Minh Tu${'\u0301\u0336\u0489'.repeat(6)}n`, 'TOO_MANY_MARKS'],
  ['a combining mark with no letter under it', '\u0301Trần Minh Tuấn', 'TOO_MANY_MARKS'],
];

describe('Names refused', () => {
  it.each(REFUSED)('%s: refused at sign-up with its rule, and nothing is created', async (_, name, code) => {
    const [people, accounts] = [await Expert.countDocuments(), await Account.countDocuments()];
    expect(await signUp(name)).toEqual({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'name', code }] });
    expect([await Expert.countDocuments(), await Account.countDocuments()]).toEqual([people, accounts]);
  });

  it.each(REFUSED)('%s: refused at profile edit with its rule, and the profile is unchanged', async (_, name, code) => {
    const before = await Expert.findById(member.id).lean();
    const result = (await graphql(UPDATE_PROFILE, { input: { name, position: 'Phó giám đốc' } }, { cookie: member.cookie })).data.updateProfile;
    expect(result).toEqual({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'name', code }] });
    expect(await Expert.findById(member.id).lean()).toEqual(before);
  });

  it('records no flag for a refused look-alike', async () => {
    const before = await AuditEntry.countDocuments();
    expect((await signUp('Trần Minh Tu\u0430\u0302\u0301n\u200B')).fieldErrors).toEqual([{ path: 'name', code: 'INVISIBLE_CHARACTER' }]);
    expect(await AuditEntry.countDocuments()).toBe(before);
  });
});

describe('Vietnamese names', () => {
  const NFC = 'Nguyễn Thị Ngọc Diễm Đặng';
  const NFD = NFC.normalize('NFD');

  it('are accepted precomposed and decomposed (e + U+0302 + U+0303), at sign-up and profile edit, stored in NFC with odd spaces made one', async () => {
    expect(NFD).toContain('e\u0302\u0303');
    for (const name of [NFC, NFD]) {
      const result = await signUp(name);
      expect(result).toMatchObject({ __typename: 'SignUpPayload', viewer: { name: NFC } });
      expect((await Expert.findOne({ handle: result.viewer.handle }).lean())!.name).toBe(NFC);
    }
    expect(await rename(`  Hoàng\u00A0\u00A0Thị  Yến`.normalize('NFD'))).toMatchObject({ __typename: 'UpdateProfilePayload', expert: { name: 'Hoàng Thị Yến' } });
    expect((await Expert.findById(member.id).lean())!.name).toBe('Hoàng Thị Yến');
  });
});

describe('Names that look like a staff member’s', () => {
  it('are saved at sign-up and flagged for moderators (Cyrillic "а" for Latin "a")', async () => {
    const lookalike = 'Trần Minh Tu\u0430\u0302\u0301n';
    const result = await signUp(lookalike);
    expect(result).toMatchObject({ __typename: 'SignUpPayload', viewer: { name: lookalike } });
    expect(await flagsAbout(result.viewer.handle)).toEqual([
      { action: 'NAME_CONFUSABLE', from: null, to: lookalike, actor: { handle: result.viewer.handle }, subject: { handle: staff.admin.handle } },
    ]);
  });

  it('are saved at a rename and flagged, with the former name ("rn" for "m")', async () => {
    const person = await createExpert({ handle: 'renamer', name: 'Vũ Đức Long' });
    const lookalike = 'Trần Rninh Tuấn';
    expect(await rename(lookalike, await sessionCookieFor(String(person._id)))).toMatchObject({ expert: { name: lookalike } });
    expect(await flagsAbout('renamer')).toEqual([{ action: 'NAME_CONFUSABLE', from: 'Vũ Đức Long', to: lookalike, actor: { handle: 'renamer' }, subject: { handle: staff.admin.handle } }]);
  });

  it('are flagged for the name as written regardless of case, and against any staff role', async () => {
    const upper = await signUp('LÊ THỊ THU HÀ');
    const eth = await signUp('\u00D0ỗ Văn Thắng');
    expect((await flagsAbout(upper.viewer.handle)).map((f: any) => f.subject.handle)).toEqual([staff.curator.handle]);
    expect((await flagsAbout(eth.viewer.handle)).map((f: any) => f.subject.handle)).toEqual([staff.moderator.handle]);
  });

  it('are listed for moderators and admins only', async () => {
    await signUp('Trần Minh Tuấn');
    expect((await flags(staff.admin.cookie)).totalCount).toBeGreaterThan(0);
    for (const cookie of [member.cookie, staff.curator.cookie, undefined]) {
      const response = await graphql(NAME_FLAGS, {}, { cookie });
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    }
  });

  it('are the only ones flagged: not ordinary names, names with other accents, nor a staff member’s own', async () => {
    const lookalike = await signUp('Lê Thị Thu H\u0430\u0300');
    const others = [];
    for (const name of ['Nguyễn Văn Hùng', 'Lê Thị Thu Hằng', 'Le Thi Thu Ha']) others.push((await signUp(name)).viewer.handle);
    const renamed = await createExpert({ handle: 'ordinary', name: 'Lý Thu Trang' });
    expect(await rename('Lý Thu Thảo', await sessionCookieFor(String(renamed._id)))).toMatchObject({ __typename: 'UpdateProfilePayload' });
    // The curator writing their own name in capitals is not impersonating anyone.
    expect(await rename('LÊ THỊ THU HÀ', staff.curator.cookie)).toMatchObject({ __typename: 'UpdateProfilePayload' });
    const flagged = (await flags()).edges.map((e: any) => e.node.actor.handle);
    expect(flagged).toContain(lookalike.viewer.handle);
    for (const handle of [...others, 'ordinary', staff.curator.handle]) expect(flagged).not.toContain(handle);
  });
});

describe('Titles', () => {
  const CREATE_THREAD = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { ${RESULT} ... on CreateThreadPayload { thread { title } } } }`;
  const CREATE_PRACTICE = `mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { ${RESULT} ... on CreatePracticePayload { practice { title } } } }`;
  const thread = async (title: string) =>
    (await graphql(CREATE_THREAD, { input: { kind: 'QUESTION', title, body: 'Chi tiết', topics: ['du-lieu-so'], place: 'da-nang' } }, { cookie: member.cookie })).data.createThread;
  const practice = async (title: string) => (await graphql(CREATE_PRACTICE, { input: { title } }, { cookie: member.cookie })).data.createPractice;

  it('of threads and practices lose their invisible characters', async () => {
    const pasted = 'Số\u00AD hóa hồ sơ\u200B một cửa\u2060 cấp xã\u3164';
    expect(await thread(pasted)).toMatchObject({ thread: { title: 'Số hóa hồ sơ một cửa cấp xã' } });
    expect(await practice(pasted)).toMatchObject({ practice: { title: 'Số hóa hồ sơ một cửa cấp xã' } });
  });

  it('made of invisible characters alone are refused as too short', async () => {
    const blank = '\u200B\u2800\u3164\u115F'.repeat(5);
    expect(await thread(blank)).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'title', code: 'TOO_SHORT' }] });
    expect(await practice(blank)).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'title', code: 'TOO_SHORT' }] });
  });
});
