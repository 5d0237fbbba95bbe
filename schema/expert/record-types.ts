import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.ts';
import { pageKey, shownOnItems, type Page, type PageArgs } from '../connection.ts';
import type { Context } from '../context.ts';
import { answersOfAuthors, threadsOfAuthors, type AuthoredAnswer, type ThreadDoc } from '../discussion/service.ts';
import { ReplyRef, ThreadRef } from '../discussion/types.ts';
import { expertsFollowedBy, followersOfExperts, followingCounts, type FollowDoc } from '../follow/service.ts';
import { groupSlugsOf } from '../group/service.ts';
import { perRequest } from '../loading.ts';
import { endorsementsReceivedBy, publishedPracticesOfAuthors, unpublishedPracticesOf, type PracticeDoc } from '../practice/service.ts';
import { PracticeRef } from '../practice/types.ts';
import { missingProfileFields, profileFieldNames } from './service.ts';
import { ExpertRef } from './types.ts';
import type { ExpertDoc } from './service.ts';

/*
 * A profile as the member's record: what they wrote, what others endorsed, who follows them and
 * whom they follow. Every list is read for a whole page of experts at once (batching.test.ts);
 * each shows others only what they may read anywhere else.
 */

const idOf = (expert: ExpertDoc) => String(expert._id);
const isOwn = (expert: ExpertDoc, ctx: Context) => ctx.viewer?.id === idOf(expert);

/** A loader key: the page asked, the fields shown on its items, and who asks (their own profile may show more). */
const listKey = (args: PageArgs, info: GraphQLResolveInfo, ctx: Context) => JSON.stringify({ ...JSON.parse(pageKey(args, info)), viewer: ctx.viewer?.id ?? null });
const readKey = (key: string) => JSON.parse(key) as { args: PageArgs; shown: string[]; viewer: string | null };

/** The same page of a followers-or-following list per expert, its follows turned into the people at their other end. */
const asPeople = (pages: Page<FollowDoc>[], person: (follow: FollowDoc) => string): Page<string>[] =>
  pages.map((page) => ({ ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: person(edge.node) })) }));

const practicesLoader = perRequest(async (ids: readonly string[], key: string) => {
  const { args, shown } = readKey(key);
  return publishedPracticesOfAuthors(ids as string[], args, new Set(shown));
});
const endorsedLoader = perRequest(async (ids: readonly string[], key: string) => {
  const { args, shown } = readKey(key);
  return publishedPracticesOfAuthors(ids as string[], args, new Set(shown), true);
});
const endorsementsLoader = perRequest((ids: readonly string[]) => endorsementsReceivedBy(ids));
const followingCountLoader = perRequest((ids: readonly string[]) => followingCounts(ids));
const followersLoader = perRequest(async (ids: readonly string[], key: string) => asPeople(await followersOfExperts(ids, readKey(key).args), (f) => String(f.follower)));
const followingLoader = perRequest(async (ids: readonly string[], key: string) => asPeople(await expertsFollowedBy(ids, readKey(key).args), (f) => f.target));
/** The viewer's groups, for the lists below: members-only groups' threads show only to their members. */
const groupsOfViewer = (viewer: string | null) => groupSlugsOf(viewer);
const answersLoader = perRequest(async (ids: readonly string[], key: string) => {
  const { args, viewer } = readKey(key);
  return answersOfAuthors(ids, args, await groupsOfViewer(viewer));
});

/**
 * Threads of one kind per expert: others' threads as any member reads them; the viewer's own
 * profile (at most one of a page) also lists their threads waiting for approval.
 */
const threadLoader = (kind: 'question' | 'discussion') =>
  perRequest(async (ids: readonly string[], key: string) => {
    const { args, shown, viewer } = readKey(key);
    const others = ids.filter((id) => id !== viewer);
    const groups = await groupsOfViewer(viewer);
    const [pages, own] = await Promise.all([
      others.length ? threadsOfAuthors(others, kind, args, new Set(shown), null, groups) : Promise.resolve([] as Page<ThreadDoc>[]),
      viewer && ids.includes(viewer) ? threadsOfAuthors([viewer], kind, args, new Set(shown), viewer, groups) : Promise.resolve([] as Page<ThreadDoc>[]),
    ]);
    const byId = new Map<string, Page<ThreadDoc>>(others.map((id, i) => [id, pages[i]!]));
    if (own[0]) byId.set(viewer!, own[0]);
    return ids.map((id) => byId.get(id)!);
  });
const questionsLoader = threadLoader('question');
const discussionsLoader = threadLoader('discussion');

const ProfileAnswerRef = builder.objectRef<AuthoredAnswer>('ProfileAnswer').implement({
  description: 'An answer a person gave, with its question.',
  fields: (t) => ({
    reply: t.field({ type: ReplyRef, resolve: (a) => a.reply }),
    question: t.field({ type: ThreadRef, resolve: (a) => a.question }),
    accepted: t.boolean({ description: 'The asker (or a curator) accepted it.', resolve: (a) => String(a.question.acceptedReply ?? '') === String(a.reply._id) }),
  }),
});

const ProfileFieldEnum = builder.enumType('ProfileField', {
  description: 'A part of a profile that helps peers find and trust its person.',
  values: Object.fromEntries(profileFieldNames.map((name) => [name.toUpperCase(), { value: name }])) as Record<
    Uppercase<(typeof profileFieldNames)[number]>,
    { value: (typeof profileFieldNames)[number] }
  >,
});

builder.objectFields(ExpertRef, (t) => ({
  practices: t.connection(
    {
      type: PracticeRef,
      description: 'Their published practices (as an author or co-author), newest first.',
      resolve: (e, args, ctx, info) => practicesLoader(ctx, listKey(args, info, ctx)).load(idOf(e)),
    },
    { name: 'ExpertPracticeConnection' },
    { name: 'ExpertPracticeEdge' },
  ),
  unpublishedPractices: t.connection(
    {
      type: PracticeRef,
      nullable: true,
      description: 'Private: their drafts, submitted and returned practices, last edited first; null for anyone but the person.',
      resolve: (e, args, ctx, info) => (isOwn(e, ctx) ? (unpublishedPracticesOf(idOf(e), args, shownOnItems(info)) as Promise<Page<PracticeDoc>>) : null),
    },
    { name: 'ExpertUnpublishedPracticeConnection' },
    { name: 'ExpertUnpublishedPracticeEdge' },
  ),
  endorsedPractices: t.connection(
    {
      type: PracticeRef,
      description: 'Their published practices that others endorsed ("this helped me"), newest first.',
      resolve: (e, args, ctx, info) => endorsedLoader(ctx, listKey(args, info, ctx)).load(idOf(e)),
    },
    { name: 'ExpertEndorsedPracticeConnection' },
    { name: 'ExpertEndorsedPracticeEdge' },
  ),
  endorsementsReceived: t.int({
    description: 'Endorsements their published practices received, in all.',
    resolve: (e, _, ctx) => endorsementsLoader(ctx).load(idOf(e)),
  }),
  questions: t.connection(
    {
      type: ThreadRef,
      nullable: true,
      description: 'Questions they asked, most active first (for members: null when signed out). Their own profile also lists those waiting for approval.',
      resolve: (e, args, ctx, info) => (ctx.viewer ? questionsLoader(ctx, listKey(args, info, ctx)).load(idOf(e)) : null),
    },
    { name: 'ExpertQuestionConnection' },
    { name: 'ExpertQuestionEdge' },
  ),
  discussions: t.connection(
    {
      type: ThreadRef,
      nullable: true,
      description: 'Discussions they started, most active first (for members: null when signed out). Their own profile also lists those waiting for approval.',
      resolve: (e, args, ctx, info) => (ctx.viewer ? discussionsLoader(ctx, listKey(args, info, ctx)).load(idOf(e)) : null),
    },
    { name: 'ExpertDiscussionConnection' },
    { name: 'ExpertDiscussionEdge' },
  ),
  answers: t.connection(
    {
      type: ProfileAnswerRef,
      nullable: true,
      description: 'Their answers to questions members can read, newest first (null when signed out). A page may hold fewer than asked; follow hasNextPage.',
      resolve: (e, args, ctx, info) => (ctx.viewer ? answersLoader(ctx, listKey(args, info, ctx)).load(idOf(e)) : null),
    },
    { name: 'ExpertAnswerConnection' },
    { name: 'ExpertAnswerEdge' },
  ),
  followers: t.connection(
    {
      type: ExpertRef,
      description: 'The people who follow them.',
      resolve: (e, args, ctx, info) => followersLoader(ctx, listKey(args, info, ctx)).load(idOf(e)),
    },
    { name: 'ExpertFollowerConnection' },
    { name: 'ExpertFollowerEdge' },
  ),
  following: t.connection(
    {
      type: ExpertRef,
      description: 'The people they follow, latest first.',
      resolve: (e, args, ctx, info) => followingLoader(ctx, listKey(args, info, ctx)).load(idOf(e)),
    },
    { name: 'ExpertFollowingConnection' },
    { name: 'ExpertFollowingEdge' },
  ),
  followingCount: t.int({
    description: 'How many people they follow.',
    resolve: (e, _, ctx) => followingCountLoader(ctx).load(idOf(e)),
  }),
  missingProfileFields: t.field({
    type: [ProfileFieldEnum],
    nullable: true,
    description: 'Private: what their profile still lacks (to nudge them to complete it); null for anyone but the person.',
    resolve: (e, _, ctx) => (isOwn(e, ctx) ? missingProfileFields(e) : null),
  }),
}));
import './suggestion-types.ts';
