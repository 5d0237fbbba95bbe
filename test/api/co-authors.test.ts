import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice, PracticeRevision } from '../../schema/practice/model.ts';
import { globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();

type Who = 'writer' | 'invitee' | 'other';
const people = {} as Record<Who, { id: string; cookie: string; handle: string }>;

beforeAll(async () => {
  await createReferenceData();
  for (const who of ['writer', 'invitee', 'other'] as const) {
    const expert = await createExpert({ handle: `dong-tac-gia-${who}`, name: `Người ${who}` });
    people[who] = { id: String(expert._id), cookie: await sessionCookieFor(String(expert._id)), handle: expert.handle };
  }
  await Expert.updateMany({}, { $set: { role: 'member' } });
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code message }`;
const FIELDS = `id status authors { handle } invitedAuthors { handle } viewerIsInvited viewerCanEdit`;
const as = (who: Who) => ({ cookie: people[who].cookie });
const gid = (id: string) => globalId('Practice', id);

async function mutate(name: string, input: Record<string, unknown>, who: Who) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { practice { ${FIELDS} } } } }`, { input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data[name];
}
const read = async (id: string, who: Who) => graphql(`query ($id: ID!) { practice(id: $id) { ${FIELDS} } }`, { id: gid(id) }, as(who));
const invitations = async (who: Who) =>
  (await graphql('{ myCoAuthorInvitations(first: 10) { edges { node { id } } } }', {}, as(who))).data.myCoAuthorInvitations.edges.map((e: { node: { id: string } }) => e.node.id);

/** A draft whose writer lists the invitee as a co-author. */
async function draftInviting(): Promise<string> {
  const created = await mutate('createPractice', { title: 'Cách làm viết chung', coAuthors: [people.invitee.handle] }, 'writer');
  expect(created.__typename).toBe('CreatePracticePayload');
  return Buffer.from(created.practice.id, 'base64url').toString().split(':')[1]!;
}

describe('Co-authorship by consent', () => {
  it('invites a listed co-author instead of naming them; they read the draft, accept, and only then are an author who can edit', async () => {
    const id = await draftInviting();
    expect((await read(id, 'writer')).data.practice).toMatchObject({ authors: [{ handle: people.writer.handle }], invitedAuthors: [{ handle: people.invitee.handle }] });
    expect((await read(id, 'invitee')).data.practice).toMatchObject({ viewerIsInvited: true, viewerCanEdit: false });
    expect(await invitations('invitee')).toContain(gid(id));
    expect((await mutate('updatePractice', { id: gid(id), title: 'Người được mời tự sửa' }, 'invitee')).__typename).toBe('NotAuthorizedError');

    const accepted = await mutate('answerCoAuthorInvitation', { id: gid(id), accept: true }, 'invitee');
    expect(accepted.practice).toMatchObject({ authors: [{ handle: people.writer.handle }, { handle: people.invitee.handle }], invitedAuthors: [], viewerCanEdit: true });
    expect(await invitations('invitee')).not.toContain(gid(id));
    expect((await mutate('answerCoAuthorInvitation', { id: gid(id), accept: true }, 'invitee')).__typename).toBe('ConflictError');
  });

  it('lets the invited person decline: they are not named and no longer read the draft', async () => {
    const id = await draftInviting();
    expect((await mutate('answerCoAuthorInvitation', { id: gid(id), accept: false }, 'invitee')).__typename).toBe('AnswerCoAuthorInvitationPayload');
    expect((await read(id, 'writer')).data.practice).toMatchObject({ authors: [{ handle: people.writer.handle }], invitedAuthors: [] });
    expect((await read(id, 'invitee')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an answer from someone not invited, without telling that the draft exists', async () => {
    const id = await draftInviting();
    expect((await mutate('answerCoAuthorInvitation', { id: gid(id), accept: true }, 'other')).__typename).toBe('NotFoundError');
    expect((await read(id, 'other')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await Practice.countDocuments({ _id: id, authors: people.other.id })).toBe(0);
  });

  it('withdraws an invitation when the writer takes the person off the list', async () => {
    const id = await draftInviting();
    expect(await invitations('invitee')).toContain(gid(id));
    await mutate('updatePractice', { id: gid(id), coAuthors: [] }, 'writer');
    expect(await invitations('invitee')).not.toContain(gid(id));
    expect((await mutate('answerCoAuthorInvitation', { id: gid(id), accept: true }, 'invitee')).__typename).toBe('NotFoundError');
  });

  it('names a person once when they accept ten times at once', async () => {
    const id = await draftInviting();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        graphql('mutation ($input: AnswerCoAuthorInvitationInput!) { answerCoAuthorInvitation(input: $input) { __typename } }', { input: { id: gid(id), accept: true } }, as('invitee')),
      ),
    );
    expect(answers.filter((a) => a.data?.answerCoAuthorInvitation.__typename === 'AnswerCoAuthorInvitationPayload')).toHaveLength(1);
    const stored = await Practice.findById(id).lean();
    expect(stored!.authors.map(String)).toEqual([people.writer.id, people.invitee.id]);
    expect(stored!.invitedAuthors).toEqual([]);
  });

  it('keeps a published practice as it is when an autosave sends the same co-authors again', async () => {
    const practice = await Practice.create({ title: 'Đã công bố, viết chung', authors: [people.writer.id, people.invitee.id], status: 'published', publishedAt: new Date(), version: 1 });
    const id = String(practice._id);
    const saved = await mutate('updatePractice', { id: gid(id), coAuthors: [people.invitee.handle] }, 'writer');
    expect(saved.practice.authors).toHaveLength(2);
    expect(await PracticeRevision.countDocuments({ practice: id })).toBe(0);
    expect((await Practice.findById(id).lean())!.version).toBe(1);
  });
});
