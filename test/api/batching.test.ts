import { getNamedType, getNullableType, isListType, isObjectType, isUnionType, isInterfaceType, type GraphQLField, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import mongoose from 'mongoose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Bookmark } from '../../schema/bookmark/model.ts';
import { Cohort } from '../../schema/cohort/model.ts';
import { Collection } from '../../schema/collection/model.ts';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { EnterpriseProfile } from '../../schema/enterprise/model.ts';
import { Flag, FlaggedItem } from '../../schema/flag/model.ts';
import { Group, GroupMember } from '../../schema/group/model.ts';
import { FaqEntry, HelpdeskRequest } from '../../schema/helpdesk/model.ts';
import { directConversationId } from '../../schema/message/ids.ts';
import { Block, Conversation, ConversationMember, Message, MessageReport } from '../../schema/message/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { Follow } from '../../schema/follow/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { schema } from '../../schema/index.ts';
import { Organization } from '../../schema/organization/model.ts';
import { Place } from '../../schema/place/model.ts';
import { Practice, PracticeRevision } from '../../schema/practice/model.ts';
import { Replication } from '../../schema/replication/model.ts';
import { ReviewClaim, ReviewComment, ReviewEvent } from '../../schema/review/model.ts';
import { practiceSearchTokens } from '../../schema/practice/service.ts';
import { searchTokens } from '../../schema/search/fold.ts';
import { createSession } from '../../schema/session/service.ts';
import { Proposal, Task, TaskNote } from '../../schema/task/model.ts';
import { Topic } from '../../schema/topic/model.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * Every field that returns a list, a connection or another record must cost the same number of
 * database commands for a page of 2 parents as for 6: one batch per page, never one read per
 * parent (N+1). The fields come from the schema itself, so a field added later is checked too.
 */

const commandLog = useTestDatabase();
// Each case asks as one person many times in a few seconds: it starts with fresh budgets.
beforeEach(() => resetRateLimits());

const SMALL = 2;
const LARGE = 6;

/** Fields whose cost cannot grow with a page of parents, each with the reason. */
const NOT_PER_PARENT: Record<string, string> = {
  Query: 'root fields run once per request',
  Mutation: 'root fields run once per request',
  Subscription: 'root fields run once per subscription (test/api/live-updates.test.ts)',
  PageInfo: 'built from the page already read',
  HighlightSegment: 'plain text runs, no references',
  SearchCounts: 'counted once per search',
  PracticeFacets: 'counted once per request (practiceFacets)',
  TopicFacetCount: 'one practiceFacets answer per request; its topics load in one batch',
  PlaceFacetCount: 'one practiceFacets answer per request; its places load in one batch',
  OrganizationFacetCount: 'one practiceFacets answer per request; its organisations load in one batch',
  ExpertFacets: 'counted once per request (expertFacets)',
  EnterpriseFacets: 'counted once per request (enterpriseFacets)',
  EnterpriseCapabilityCount: 'one enterpriseFacets answer per request: a capability and a number',
  EnterprisePlaceCount: 'one enterpriseFacets answer per request; its places load in one batch',
  ExpertPlaceCount: 'one expertFacets answer per request; its places load in one batch',
  ExpertOrganizationCount: 'one expertFacets answer per request; its organisations load in one batch',
  ExpertSpecialtyCount: 'one expertFacets answer per request; its topics load in one batch',
  ExpertCohortCount: 'one expertFacets answer per request; its cohorts load in one batch',
  ThreadReading: 'built from the reading its thread loaded in one batch',
  'PracticeEdit.preview': 'the parent practice already read, its pending edit laid over its text',
  Notification: 'the page of notifications reads its targets (titles, visibility) in one batch per kind of target; actors load through the Expert loader',
  NotificationPreference: 'built from the one preferences document of the viewer',
  'TaskNote.author': 'an Expert reference, loaded for the page through the Expert loader; notes lie deeper than the query depth limit lets this test reach',
  ProgrammeFramework: 'its criteria are embedded in it: no read',
  ProgrammeCriterion: 'results: one read per framework and period for all its criteria (a per-request loader)',
  ProgrammeCriterionResults: 'built from the period’s reports already read; organisations load through the Organization loader',
  ProgrammeValue: 'its organisation loads through the Organization loader',
  ProgrammeEntry: 'its criterion comes from the framework its report loaded',
  ProgrammeReport: 'its framework through a per-request loader, people and organisations through their loaders, viewerCanWrite from one per-request read',
  ProgrammeProgress: 'one per request (programmeProgress)',
  ProgrammeReporter: 'organisations and experts load through their loaders',
  HelpdeskSettings: 'one settings record per request (helpdeskSettings)',
  HelpdeskDashboard: 'one dashboard per request (helpdeskDashboard)',
  HelpdeskOverdue: 'the dashboard’s overdue list, read in two queries; its requests are the documents read',
};
/** Type-name patterns whose fields are read from their parent's result, once per request. */
const STRUCTURAL = [
  [/Connection$/, 'a connection: its edges and counts come from the one page read'],
  [/Edge$/, 'an edge: its node is the document the page read'],
  [/Payload$/, 'a mutation result: one per request'],
  [/Error$/, 'an error result: one per request'],
  [/Success$/, 'a mutation result: one per request'],
] as const;
/**
 * Fields whose value may be empty for every parent of this test's data: their count is still
 * compared, but nothing proves they read anything. Each with the reason.
 */
const MAY_BE_EMPTY: Record<string, string> = {
  'Thread.history': 'edit histories are another module’s data (their own tests check them)',
  'Reply.history': 'edit histories are another module’s data (their own tests check them)',
  'Expert.links': 'embedded in the profile: no read at all',
  'Practice.links': 'embedded in the practice: no read at all',
  'Place.formerNames': 'embedded in the place: no read at all',
  'FollowUpdate.topics': 'filled from the follows already read',
  'FollowUpdate.experts': 'filled from the follows already read',
  'SuggestionReason.topics': 'this data’s similar experts share a place, not specialties; topics load through the Topic loader',
  'SuggestionReason.cohorts': 'this data’s similar experts share a place, not cohorts; cohorts load through the Cohort loader',
  'Expert.unpublishedPractices': 'private to the person: the admin asking is none of them',
  'Expert.overdueTasks': 'private to the person: the admin asking is none of them',
  'Expert.missingProfileFields': 'private to the person: the admin asking is none of them',
  'Expert.notifications': 'private to the person: the admin asking is none of them',
  'Expert.unreadNotificationCount': 'private to the person: the admin asking is none of them',
  'Expert.notificationPreferences': 'private to the person: the admin asking is none of them',
  'Expert.conversations': 'private to the person: the admin asking is none of them',
  'AuditEntry.helpdeskRequest': 'this data’s staff actions are not the help desk’s (test/api/helpdesk.test.ts counts those); requests load through their node loader',
  'Organization.enterprise': 'the experts’ organisations are departments, which have no enterprise profile (test/api/enterprises.test.ts reads those)',
};

const isAllowed = (type: string, field: string) => type in NOT_PER_PARENT || `${type}.${field}` in NOT_PER_PARENT || STRUCTURAL.some(([pattern]) => pattern.test(type)) || type.startsWith('__');

const hasId = (type: GraphQLObjectType) => 'id' in type.getFields() || type.getInterfaces().some((i) => i.name === 'Node');

/** Whether a field's value is a list, a connection or a record of its own (something that may be read). */
function readsOthers(type: GraphQLOutputType): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return true;
  const named = getNamedType(type);
  if (isUnionType(named) || isInterfaceType(named)) return true;
  return isObjectType(named) && (named.name.endsWith('Connection') || hasId(named));
}

/** The smallest selection of a field's value that still resolves it. */
function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isObjectType(named) && named.name.endsWith('Connection')) return '{ edges { node { __typename } } }';
  if (isObjectType(named) || isUnionType(named) || isInterfaceType(named)) return '{ __typename }';
  return '';
}

/** Every object field that reads others, as "Type.field", from the schema as served. */
function fieldsToCheck(): { name: string; field: GraphQLField<unknown, unknown> }[] {
  const found: { name: string; field: GraphQLField<unknown, unknown> }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isAllowed(type.name, field.name) && readsOthers(field.type)) found.push({ name: `${type.name}.${field.name}`, field });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/*
 * How to reach n parents of each type in one request: a query with PROBE where the field goes,
 * asked by the admin (who may see everything). Experts carry one distinct topic, place,
 * organisation and cohort each, so n experts reach n of each of those.
 */
const experts = (probeAt: string) => `query ($n: Int) { experts(first: $n, filter: { query: "thuphan" }) { edges { node { ${probeAt} } } } }`;
const PARENTS: Record<string, (field: string) => string> = {
  Expert: () => experts('PROBE'),
  Topic: () => experts('specialties { PROBE }'),
  Place: () => experts('place { PROBE }'),
  Organization: () => experts('organization { PROBE }'),
  Cohort: () => experts('cohorts { PROBE }'),
  ProfileAnswer: () => experts('answers(first: 1) { edges { node { PROBE } } }'),
  ExpertSuggestion: () => experts('similarExperts(first: 3) { PROBE }'),
  SuggestionReason: () => experts('similarExperts(first: 3) { reasons { PROBE } }'),
  Practice: () => `query ($n: Int) { practices(first: $n) { edges { node { PROBE } } } }`,
  PracticeRevision: () => `query ($n: Int) { practices(first: $n) { edges { node { history { PROBE } } } } }`,
  Thread: () => `query ($n: Int) { threads(first: $n) { edges { node { PROBE } } } }`,
  Reply: () => `query ($n: Int) { threads(first: $n) { edges { node { replies(first: 1) { edges { node { PROBE } } } } } } }`,
  VerificationRequest: () => `query ($n: Int) { verificationRequests(first: $n, status: APPROVED) { edges { node { PROBE } } } }`,
  AuditEntry: () => `query ($n: Int) { auditLog(first: $n) { edges { node { PROBE } } } }`,
  Follow: (field) => `query ($n: Int) { myFollows(first: $n, kind: ${field.toUpperCase()}) { edges { node { PROBE } } } }`,
  Bookmark: (field) => `query ($n: Int) { myBookmarks(first: $n, kind: ${field.toUpperCase()}) { edges { node { PROBE } } } }`,
  FollowUpdate: () => `query ($n: Int) { followUpdates(first: $n) { edges { node { PROBE } } } }`,
  SearchHit: () => `query ($n: Int) { search(query: "thuphan", first: $n) { edges { node { PROBE } } } }`,
  Collection: () => `query ($n: Int) { collections(first: $n) { edges { node { PROBE } } } }`,
  CollectionItem: () => `query ($n: Int) { collections(first: $n) { edges { node { items { PROBE } } } } }`,
  Replication: () => `query ($n: Int) { practices(first: $n) { edges { node { replications { PROBE } } } } }`,
  ReviewClaim: () => `query ($n: Int) { practicesToReview(first: $n) { edges { node { reviewClaim { PROBE } } } } }`,
  ReviewComment: () => `query ($n: Int) { practices(first: $n) { edges { node { reviewComments { PROBE } } } } }`,
  ReviewEvent: () => `query ($n: Int) { practices(first: $n) { edges { node { reviewHistory { PROBE } } } } }`,
  FlaggedItem: () => `query ($n: Int) { flagQueue(first: $n) { edges { node { PROBE } } } }`,
  Flag: () => `query ($n: Int) { flagQueue(first: $n) { edges { node { flags { PROBE } } } } }`,
  Conversation: () => `query ($n: Int) { viewer { conversations(first: $n) { edges { node { PROBE } } } } }`,
  Message: () => `query ($n: Int) { viewer { conversations(first: $n) { edges { node { lastMessage { PROBE } } } } } }`,
  Block: () => `query ($n: Int) { blockedExperts(first: $n) { edges { node { PROBE } } } }`,
  MessageReport: () => `query ($n: Int) { messageReports(first: $n) { edges { node { PROBE } } } }`,
  Enterprise: () => `query ($n: Int) { enterprises(first: $n) { edges { node { PROBE } } } }`,
  EnterprisePilot: () => `query ($n: Int) { enterprises(first: $n) { edges { node { pilots { PROBE } } } } }`,
  EnterpriseParticipation: () => `query ($n: Int) { enterprises(first: $n) { edges { node { practices { PROBE } } } } }`,
  GroupMember: () => experts('groups { PROBE }'),
  Group: () => experts('groups { group { PROBE } }'),
  HelpdeskRequest: () => `query ($n: Int) { helpdeskQueue(first: $n, status: ASSIGNED) { edges { node { PROBE } } } }`,
  HelpdeskEvent: () => `query ($n: Int) { helpdeskQueue(first: $n, status: ASSIGNED) { edges { node { history { PROBE } } } } }`,
  Task: () => experts('tasks(first: 1) { edges { node { PROBE } } }'),
  TaskLink: () => experts('tasks(first: 1) { edges { node { links { PROBE } } } }'),
  Proposal: () => experts('groups { group { proposals(first: 1) { edges { node { PROBE } } } } }'),
  HelpdeskFaqEntry: () => `query ($n: Int) { helpdeskFaq(first: $n) { edges { node { PROBE } } } }`,
};

let adminCookie = '';
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  const admin = await createExpert({ handle: 'quantri', name: 'Trần Quản Trị' });
  await Expert.updateOne({ _id: admin._id }, { $set: { role: 'admin' } });
  adminCookie = await sessionCookieFor(String(admin._id));
  for (let i = 0; i < LARGE; i++) {
    // Even places were merged into the next odd one: each kind of place, in any two neighbours.
    const former = i % 2 === 0;
    await Place.create({
      _id: `tinh-${i}`,
      name: `Tỉnh ${i}`,
      fullName: `Tỉnh số ${i}`,
      kind: 'province',
      region: 'north',
      current: !former,
      order: i,
      formerNames: [`Cũ ${i}`],
      ...(former ? { successor: `tinh-${i + 1}` } : { predecessors: [`tinh-${i - 1}`] }),
    });
    await Topic.create({ _id: `chu-de-${i}`, name: `Chủ đề ${i}`, nameEn: `Topic ${i}`, order: i });
    await Cohort.create({ _id: `khoa-${i}`, name: `Khoá ${i}`, nameEn: `Cohort ${i}`, year: 2019 + i });
    await Organization.create({
      _id: `so-${i}`,
      name: `Sở ${i}`,
      kind: 'department',
      kindRank: 3,
      current: !former,
      sortName: `so ${i}`,
      place: `tinh-${i}`,
      parent: `bo-${i}`,
      ...(former ? { successor: `so-${i + 1}` } : {}),
    });
    // Parents of their own, so that no parent was loaded already as a child.
    await Organization.create({ _id: `bo-${i}`, name: `Bộ ${i}`, kind: 'ministry', kindRank: 0, current: true, sortName: `bo ${i}` });
  }
  for (let i = 0; i < LARGE; i++) {
    const expert = await createExpert({
      handle: `thuphan${i}`,
      name: `Nguyễn Thử Phân ${i}`,
      position: 'thuphan',
      organization: `so-${i}`,
      place: `tinh-${i}`,
      specialties: [`chu-de-${i}`],
      cohorts: [`khoa-${i}`],
    });
    const id = expert._id;
    await Expert.updateOne({ _id: id }, { $set: { links: [{ label: 'Trang', url: 'https://example.vn' }], searchTokens: searchTokens(`Nguyễn Thử Phân ${i} thuphan${i} thuphan`) } });
    await createSession(String(id), 'vitest');
    await VerificationRequest.create({ expert: id, statement: 'Tôi là chuyên gia của mạng lưới.', cohort: `khoa-${i}`, status: 'approved', decidedBy: admin._id, decidedAt: new Date() });

    const title = `Cách làm thuphan số ${i}`;
    const practiceFields = { title, summary: `Tóm tắt thuphan ${i}`, problem: 'Vấn đề', solution: 'Giải pháp', results: '', lessons: '' };
    const practice = await Practice.create({
      ...practiceFields,
      authors: [id],
      status: 'published',
      publishedAt: minutesAgo(10 * i + 1),
      version: 2,
      topics: [`chu-de-${i}`],
      place: `tinh-${i}`,
      organization: `so-${i}`,
      links: [{ label: 'Nguồn', url: 'https://example.vn' }],
      partners: [`Đối tác ${i}`],
      contact: id,
      // The admin asking is invited to co-author each, so that they may read who is invited.
      invitedAuthors: [admin._id],
      // Endorsed, for its author's profile.
      endorsementCount: 1,
      searchTokens: practiceSearchTokens(practiceFields),
    });
    await PracticeRevision.create({ practice: practice._id, version: 1, snapshot: { title: 'Bản cũ', summary: '' }, editedBy: id });
    // Its review: a comment and a step by its author, and a duplicate mark naming itself.
    await ReviewComment.create({ practice: practice._id, section: 'results', body: 'Nhận xét', author: id });
    await ReviewEvent.create({ practice: practice._id, kind: 'duplicate', actor: id, checklist: ['contact'], duplicateOf: practice._id });
    await Practice.updateOne({ _id: practice._id }, { $set: { duplicateOf: practice._id } });
    // One submitted practice of each person, claimed by the admin, for the review desk's queue.
    const submitted = await Practice.create({ title: `Chờ duyệt thuphan ${i}`, authors: [id], status: 'submitted', submittedAt: minutesAgo(10 * i + 5) });
    await ReviewClaim.create({ practice: submitted._id, curator: admin._id, claimedAt: new Date(), checklist: ['lessons'] });
    // Each practice adopted by the next one's department, in its place.
    await Replication.create({ practice: practice._id, organization: `so-${(i + 1) % LARGE}`, place: `tinh-${(i + 1) % LARGE}`, year: 2025, month: 1, changes: 'Áp dụng lại', recordedBy: id });
    // An enterprise of each person's practice, accompanying its place, with the person as its contact.
    await Organization.create({ _id: `dn-${i}`, name: `Doanh nghiệp ${i}`, kind: 'enterprise', kindRank: 5, current: true, sortName: `dn ${i}` });
    await EnterpriseProfile.create({
      _id: `dn-${i}`,
      name: `Doanh nghiệp ${i}`,
      sortName: `dn ${i}`,
      capabilities: ['cloud'],
      pilots: [{ place: `tinh-${i}`, role: 'Đồng hành' }],
      pilotPlaces: [`tinh-${i}`],
      contact: id,
      practices: [{ practice: practice._id, role: 'Cung cấp nền tảng' }],
    });
    // Each collection by its own person, on its own topic and place, with its own practice.
    await new Collection({
      title: `Bộ sưu tập thuphan ${i}`,
      slug: `bo-suu-tap-${i}`,
      topics: [`chu-de-${i}`],
      places: [`tinh-${i}`],
      status: 'published',
      items: [{ practice: practice._id, note: 'Vì sao chọn' }],
      createdBy: id,
      publishedAt: minutesAgo(10 * i + 1),
      createdAt: minutesAgo(10 * i + 1),
      updatedAt: minutesAgo(10 * i + 1),
    }).save({ timestamps: false });

    const thread = await Thread.create({
      kind: 'question',
      title: `Hỏi thuphan số ${i}`,
      body: 'Nội dung thuphan',
      author: id,
      group: `nhom-${i}`,
      topics: [`chu-de-${i}`],
      place: `tinh-${i}`,
      practice: practice._id,
      lastActivityAt: minutesAgo(10 * i + 2),
      searchTokens: searchTokens(`Hỏi thuphan số ${i} Nội dung thuphan`),
      mentions: ['quantri'],
    });
    const reply = await new Reply({
      thread: thread._id,
      depth: 0,
      author: id,
      body: `Trả lời @quantri ${i}`,
      mentions: ['quantri'],
      createdAt: minutesAgo(10 * i + 3),
      updatedAt: minutesAgo(10 * i + 3),
    }).save({ timestamps: false });
    await Thread.updateOne({ _id: thread._id }, { $set: { acceptedReply: reply._id, replyCount: 1 } });
    // Each question a help-desk request, triaged to the person's group and published in the FAQ.
    const helpdeskTriage = { kind: 'triaged', actor: id, at: new Date(), group: `nhom-${i}`, assignee: id };
    await HelpdeskRequest.create({
      _id: String(thread._id),
      asker: id,
      organization: `so-${i}`,
      status: 'assigned',
      group: `nhom-${i}`,
      assignee: id,
      openedAt: minutesAgo(i + 1),
      month: '2026-12',
      history: [helpdeskTriage],
    });
    await FaqEntry.create({
      _id: String(thread._id),
      title: `Hỏi đáp ${i}`,
      answer: 'Trả lời',
      topics: [`chu-de-${i}`],
      organizationLabel: `Sở ${i}`,
      organizationLabelEn: `Sở ${i}`,
      publishedAt: minutesAgo(i + 1),
      publishedBy: admin._id,
    });
    // A discussion of each person for their profile, older than every question (the thread lists reach those first).
    await Thread.create({ kind: 'discussion', title: `Thảo luận số ${i}`, author: id, lastActivityAt: minutesAgo(600 + i) });
    // A working group of each person's, their question asked in it.
    await Group.create({ _id: `nhom-${i}`, kind: 'expert', name: `Nhóm ${i}`, nameEn: `Group ${i}`, discussionAccess: 'public', order: i });
    await GroupMember.create({ group: `nhom-${i}`, expert: id, role: 'lead' });
    // A task of each group (overdue), from a proposal of its person's, given to them or (every other one) to the group, with a note and a link.
    const taskId = new mongoose.Types.ObjectId();
    const proposal = await Proposal.create({
      group: `nhom-${i}`,
      proposer: id,
      title: `Đề xuất ${i}`,
      description: 'Mô tả',
      status: 'accepted',
      decidedBy: admin._id,
      decidedAt: new Date(),
      task: taskId,
    });
    const responsible = i % 2 === 0 ? { responsibleExpert: id } : { responsibleGroup: `nhom-${i}` };
    const links = [i % 2 === 0 ? { kind: 'practice', target: practice._id, addedBy: id, addedAt: new Date() } : { kind: 'thread', target: thread._id, addedBy: id, addedAt: new Date() }];
    await Task.create({ _id: taskId, group: `nhom-${i}`, title: `Nhiệm vụ ${i}`, ...responsible, dueOn: '2026-01-05', dueAt: minutesAgo(60 + i), proposal: proposal._id, createdBy: admin._id, links });
    await TaskNote.create({ task: taskId, author: id, body: 'Tiến độ' });
    // Each person follows the admin, for their profile's "following".
    await Follow.create({ follower: id, kind: 'expert', target: String(admin._id) });
    // A staff action about the person and each kind of target.
    const collection = await Collection.findOne({ slug: `bo-suu-tap-${i}` }, { _id: 1 }).lean();
    await AuditEntry.create({
      action: 'expert.verified',
      actor: admin._id,
      subject: id,
      reason: 'thử',
      practice: practice._id,
      collectionId: collection!._id,
      thread: thread._id,
      reply: reply._id,
      organization: `dn-${i}`,
      task: taskId,
      group: `nhom-${i}`,
    });
    // A flagged item in the moderators' queue, every other one a practice, each flagged by its person.
    const flagged = i % 2 === 0 ? { kind: 'practice' as const, target: practice._id, thread: null } : { kind: 'reply' as const, target: reply._id, thread: thread._id };
    const item = await FlaggedItem.create({ ...flagged, state: 'open', flaggerCount: 1, reasonCounts: { spam: 1 }, activityAt: minutesAgo(i + 1), decidedBy: admin._id });
    await Flag.create({ item: item._id, round: 0, flagger: id, reason: 'spam', note: 'Quảng cáo' });

    // A conversation of the admin with each person (two messages, the second reported by the admin), and a block of each.
    const conversationId = directConversationId(String(admin._id), String(id));
    await Conversation.create({ _id: conversationId, kind: 'direct', participants: [admin._id, id], startedBy: id, lastMessageAt: minutesAgo(i + 1), messageCount: 2 });
    for (const expert of [admin._id, id]) await ConversationMember.create({ conversation: conversationId, expert, lastMessageAt: minutesAgo(i + 1), unreadCount: 1 });
    await Message.create({ conversation: conversationId, author: id, body: 'Chào', bodyHtml: '<p>Chào</p>', bodyVersion: 3, createdAt: minutesAgo(i + 2) });
    const message = await Message.create({ conversation: conversationId, author: id, body: 'Quảng cáo', bodyHtml: '<p>Quảng cáo</p>', bodyVersion: 3, createdAt: minutesAgo(i + 1) });
    await MessageReport.create({ message: message._id, conversation: conversationId, reporter: admin._id, author: id, reason: 'spam', decidedBy: admin._id });
    await Block.create({ blocker: admin._id, blocked: id });
    for (const [kind, target] of [
      ['expert', String(id)],
      ['topic', `chu-de-${i}`],
      ['thread', String(thread._id)],
    ] as const)
      await Follow.create({ follower: admin._id, kind, target });
    for (const [kind, target] of [
      ['practice', practice._id],
      ['thread', thread._id],
    ] as const)
      await Bookmark.create({ owner: admin._id, kind, target });
  }
});

/** Every value the query's `probe:` alias took, one per parent reached. */
function probed(data: unknown): unknown[] {
  const values: unknown[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'probe') values.push(inner);
        else visit(inner);
      }
    }
  };
  visit(data);
  return values;
}

const isEmpty = (value: unknown) =>
  value === null || (Array.isArray(value) && value.length === 0) || (Array.isArray((value as { edges?: unknown[] })?.edges) && (value as { edges: unknown[] }).edges.length === 0);

describe('Batching', () => {
  const fields = fieldsToCheck();

  it('finds the fields to check in the schema, and knows how to reach parents of each type', () => {
    expect(fields.length).toBeGreaterThan(30);
    const unreachable = [...new Set(fields.map(({ name }) => name.split('.')[0]!))].filter((type) => !PARENTS[type]);
    expect(unreachable, 'types with fields to check but no way to list parents: add them to PARENTS or NOT_PER_PARENT').toEqual([]);
  });

  it.each(fields.map(({ name, field }) => [name, field] as const))('%s costs the same for 2 parents as for 6', async (name, field) => {
    const [type, fieldName] = name.split('.') as [string, string];
    const query = PARENTS[type]!(fieldName).replace('PROBE', `probe: ${fieldName} ${selectionOf(field.type)}`);
    const run = async (n: number) => {
      commandLog.reset();
      const response = await graphql(query, { n }, { cookie: adminCookie });
      expect(response.errors, `${name}: ${query}`).toBeUndefined();
      const values = probed(response.data);
      return { commands: commandLog.commands.length, parents: values.length, filled: values.filter((v) => !isEmpty(v)).length };
    };
    // A first request warms what every request reads once (the viewer's session).
    await run(SMALL);
    const small = await run(SMALL);
    const large = await run(LARGE);
    expect(small.parents, `${name}: parents reached`).toBe(SMALL);
    expect(large.parents, `${name}: parents reached`).toBe(LARGE);
    if (!(name in MAY_BE_EMPTY)) expect(large.filled, `${name}: more parents with a value in the larger page`).toBeGreaterThan(small.filled);
    expect(large.commands, `${name}: database commands for ${LARGE} parents vs ${SMALL}`).toBe(small.commands);
  });
});

describe('List projection', () => {
  /** The projection of every find the request sends to `collection`. */
  async function projectionsOf(collection: string, query: string): Promise<{ data: any; projections: Record<string, unknown>[] }> {
    const projections: Record<string, unknown>[] = [];
    const listen = (event: { commandName: string; command: Record<string, any> }) => {
      if (event.commandName === 'find' && event.command.find === collection) projections.push(event.command.projection ?? {});
    };
    const client = mongoose.connection.getClient();
    client.on('commandStarted', listen);
    try {
      const response = await graphql(query, {}, { cookie: adminCookie });
      expect(response.errors).toBeUndefined();
      return { data: response.data, projections };
    } finally {
      client.off('commandStarted', listen);
    }
  }

  it('reads a list of practices without the long sections it does not show, and with those it shows', async () => {
    const cards = await projectionsOf('practices', `{ practices(first: 6) { edges { node { title summary } } } }`);
    expect(cards.data.practices.edges).toHaveLength(6);
    expect(cards.projections[0]).toMatchObject({ problem: 0, solution: 0, results: 0, lessons: 0, searchTokens: 0 });
    // A client that shows a section gets it, never an empty value.
    const full = await projectionsOf('practices', `{ practices(first: 6) { edges { node { ... on Practice { problem } solution } } } }`);
    expect(full.data.practices.edges.map((e: any) => e.node.problem)).toEqual(Array(6).fill('Vấn đề'));
    expect(full.data.practices.edges.map((e: any) => e.node.solution)).toEqual(Array(6).fill('Giải pháp'));
    expect(full.projections[0]).not.toHaveProperty('problem');
    expect(full.projections[0]).not.toHaveProperty('solution');
    expect(full.projections[0]).toMatchObject({ results: 0, lessons: 0 });
  });

  it('reads thread lists without search tokens, mentions or unshown bodies, and a thread whole', async () => {
    const list = await projectionsOf('threads', `{ threads(first: 6) { edges { node { title replyCount } } } }`);
    expect(list.projections[0]).toMatchObject({ searchTokens: 0, mentions: 0, body: 0 });
    const bodies = await projectionsOf('threads', `{ threads(first: 6) { edges { node { body } } } }`);
    expect(bodies.data.threads.edges.map((e: any) => e.node.body)).toEqual(Array(6).fill('Nội dung thuphan'));
  });
});
