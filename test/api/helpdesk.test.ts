import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { Group, GroupMember } from '../../schema/group/model.ts';
import { FaqEntry, HelpdeskRequest, HelpdeskSettings } from '../../schema/helpdesk/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Organization } from '../../schema/organization/model.ts';
import { organizationKindRank } from '../../schema/organization/service.ts';
import { fold } from '../../schema/search/fold.ts';
import { globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();

const CYBER = 'nhom-an-toan-an-ninh-mang';
const TECH = 'nhom-giai-phap-cong-nghe';
const STANDING = 'to-thuong-truc';

type Who = 'asker' | 'colleague' | 'centre' | 'ministry' | 'unverified' | 'desk' | 'admin' | 'responder' | 'cyberMember' | 'outsider' | 'newcomer' | 'moderator';
const cookies = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;

beforeAll(async () => {
  await createReferenceData();
  await Organization.create({
    _id: 'tt-cds-da-nang',
    name: 'Trung tâm Chuyển đổi số thành phố Đà Nẵng',
    kind: 'centre',
    kindRank: organizationKindRank('centre'),
    place: 'da-nang',
    parent: 'so-khcn-da-nang',
    current: true,
    sortName: fold('Trung tâm Chuyển đổi số'),
  });
  const group = (slug: string, kind: string, order: number) => ({ _id: slug, kind, name: slug, nameEn: slug, discussionAccess: 'public', order });
  await Group.insertMany([group(STANDING, 'standing', 0), group(TECH, 'expert', 2), group(CYBER, 'expert', 3)]);
  const make = async (who: Who, organization: string, extra: Record<string, unknown> = {}) => {
    const expert = await createExpert({ handle: `hd.${who.toLowerCase()}`, name: `Người ${who}`, organization });
    await Expert.updateOne({ _id: expert._id }, { $set: { verifiedAt: new Date('2024-01-01'), ...extra } });
    ids[who] = String(expert._id);
    cookies[who] = await sessionCookieFor(ids[who]);
  };
  await make('asker', 'so-khcn-da-nang');
  await make('colleague', 'so-khcn-da-nang');
  await make('centre', 'tt-cds-da-nang');
  await make('ministry', 'cuc-cds');
  await make('unverified', 'so-khcn-da-nang', { verifiedAt: null });
  await make('desk', 'bo-khcn');
  await make('admin', 'bo-khcn', { role: 'admin' });
  await make('responder', 'cuc-cds');
  await make('cyberMember', 'cuc-cds');
  await make('outsider', 'cuc-cds');
  // Joined today and not verified: their first posts wait for a moderator (schema/moderation/new-members.ts).
  await make('newcomer', 'cuc-cds', { verifiedAt: null, joinedAt: new Date() });
  await make('moderator', 'bo-khcn', { role: 'moderator' });
  const member = (g: string, who: Who, role = 'member') => new GroupMember({ group: g, expert: ids[who], role }).save();
  await member(STANDING, 'desk');
  await member(CYBER, 'responder', 'lead');
  await member(CYBER, 'cyberMember');
  await member(CYBER, 'newcomer');
  await member(TECH, 'outsider');
});
beforeEach(() => resetRateLimits());
afterEach(() => vi.useRealTimers());

const as = (who: Who | null) => (who ? { cookie: cookies[who] } : {});
const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const REQUEST = `id status version reopenCount firstResponseHours resolutionHours group { slug } assignee { handle } organization { slug } thread { id kind title }`;

async function mutate(name: string, input: Record<string, unknown>, who: Who | null, selection = `request { ${REQUEST} }`) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { ${selection} } } }`, { input }, as(who));
  return { result: response.data?.[name], errors: response.errors };
}

let serial = 0;
async function submit(who: Who = 'asker', extra: Record<string, unknown> = {}) {
  const { result } = await mutate(
    'submitHelpdeskRequest',
    { title: `Kết nối LGSP với hệ thống một cửa số ${++serial}`, body: 'Cần hướng dẫn bảo mật khi chia sẻ dữ liệu.', topics: ['an-toan-thong-tin'], organization: 'so-khcn-da-nang', ...extra },
    who,
  );
  return result;
}
const triage = (requestId: string, who: Who = 'desk', assignee: Who = 'responder', group = CYBER, version?: number) =>
  mutate('triageHelpdeskRequest', { requestId, group, assigneeId: globalId('Expert', ids[assignee]), ...(version ? { version } : {}) }, who);
const threadOf = (requestId: string) => globalId('Thread', Buffer.from(requestId, 'base64url').toString().split(':')[1]!);
async function reply(requestId: string, who: Who, parentId?: string) {
  const response = await graphql(
    `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { ${RESULT} ... on ReplyToThreadPayload { reply { id } } } }`,
    { input: { threadId: threadOf(requestId), body: 'Đề nghị dùng chữ ký số và mã hóa kênh truyền theo tiêu chuẩn hiện hành.', ...(parentId ? { parentId } : {}) } },
    as(who),
  );
  return response.data.replyToThread;
}
const statusOf = async (requestId: string) => (await graphql(`query ($id: ID!) { node(id: $id) { ... on HelpdeskRequest { ${REQUEST} } } }`, { id: requestId }, as('asker'))).data.node;

/** Freezes the clock at a Vietnam wall-clock time (only Date; timers run). */
function at(isoLocal: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${isoLocal}+07:00`));
}

describe('HelpdeskRequest', () => {
  it('opens a question thread tracked as new when a verified member asks for their organisation, a unit under it or a body above it', async () => {
    const own = await submit('asker');
    expect(own.__typename).toBe('SubmitHelpdeskRequestPayload');
    expect(own.request).toMatchObject({ status: 'NEW', organization: { slug: 'so-khcn-da-nang' }, thread: { kind: 'QUESTION' } });
    expect((await submit('centre')).__typename).toBe('SubmitHelpdeskRequestPayload');
    expect((await submit('ministry', { organization: 'bo-khcn' })).__typename).toBe('SubmitHelpdeskRequestPayload');
  });

  it('refuses a member asking for an organisation they do not belong to, or unverified, and creates nothing', async () => {
    const threads = await Thread.countDocuments();
    const requests = await HelpdeskRequest.countDocuments();
    expect((await submit('ministry')).code).toBe('NOT_AUTHORIZED');
    expect((await submit('unverified')).code).toBe('NOT_AUTHORIZED');
    expect((await submit('asker', { organization: 'khong-ton-tai' })).fieldErrors).toEqual([{ path: 'organization', code: 'UNKNOWN' }]);
    expect((await submit('asker', { organization: 'so-tttt-quang-nam' })).fieldErrors).toEqual([{ path: 'organization', code: 'FORMER' }]);
    expect(await Thread.countDocuments()).toBe(threads);
    expect(await HelpdeskRequest.countDocuments()).toBe(requests);
  });

  it('refuses a suspended member', async () => {
    const suspended = await createExpert({ handle: 'hd.suspended', organization: 'so-khcn-da-nang' });
    const cookie = await sessionCookieFor(String(suspended._id));
    await Expert.updateOne({ _id: suspended._id }, { $set: { verifiedAt: new Date('2024-01-01'), suspendedUntil: new Date(Date.now() + 86_400_000), suspensionReason: 'Quảng cáo' } });
    const requests = await HelpdeskRequest.countDocuments();
    const response = await graphql(
      `mutation ($input: SubmitHelpdeskRequestInput!) { submitHelpdeskRequest(input: $input) { ${RESULT} } }`,
      { input: { title: 'Câu hỏi bị từ chối', organization: 'so-khcn-da-nang' } },
      { cookie },
    );
    expect(response.data.submitHelpdeskRequest.code).toBe('NOT_AUTHORIZED');
    expect(await HelpdeskRequest.countDocuments()).toBe(requests);
  });

  it('is triaged only by the desk (the standing group) or an admin, to a responder who is in the group', async () => {
    const { request } = await submit();
    expect((await triage(request.id, 'responder')).result.code).toBe('NOT_AUTHORIZED');
    expect((await triage(request.id, 'asker')).result.code).toBe('NOT_AUTHORIZED');
    const wrong = await triage(request.id, 'desk', 'outsider');
    expect(wrong.result.fieldErrors).toEqual([{ path: 'assigneeId', code: 'NOT_IN_GROUP' }]);
    expect((await statusOf(request.id)).status).toBe('NEW');
    const done = await triage(request.id, 'desk');
    expect(done.result.request).toMatchObject({ status: 'ASSIGNED', group: { slug: CYBER }, assignee: { handle: 'hd.responder' } });
    expect((await triage(request.id, 'admin', 'cyberMember')).result.request.assignee.handle).toBe('hd.cybermember');
    expect(await AuditEntry.countDocuments({ action: 'helpdesk.triaged', helpdeskRequest: Buffer.from(request.id, 'base64url').toString().split(':')[1] })).toBe(2);
  });

  it('is answered by the first answer of the assigned group, not by a comment or an outsider’s answer', async () => {
    const { request } = await submit();
    await triage(request.id);
    expect((await reply(request.id, 'outsider')).__typename).toBe('ReplyToThreadPayload');
    expect((await statusOf(request.id)).status).toBe('ASSIGNED');
    const answer = await reply(request.id, 'colleague');
    await reply(request.id, 'cyberMember', answer.reply.id);
    expect((await statusOf(request.id)).status).toBe('ASSIGNED');
    await reply(request.id, 'cyberMember');
    const answered = await statusOf(request.id);
    expect(answered.status).toBe('ANSWERED');
    expect(answered.firstResponseHours).not.toBeNull();
  });

  it('is answered by a new member’s answer when a moderator approves it, not while it waits', async () => {
    const { request } = await submit();
    await triage(request.id);
    const waiting = await reply(request.id, 'newcomer');
    expect(waiting.__typename).toBe('ReplyToThreadPayload');
    expect((await statusOf(request.id)).status).toBe('ASSIGNED');
    const approved = await graphql(`mutation ($input: ApprovePostInput!) { approvePost(input: $input) { ${RESULT} } }`, { input: { replyId: waiting.reply.id } }, as('moderator'));
    expect(approved.data.approvePost.__typename).toBe('ApprovePostPayload');
    const answered = await statusOf(request.id);
    expect(answered.status).toBe('ANSWERED');
    expect(answered.firstResponseHours).not.toBeNull();
  });

  it('is closed by the asker or the desk, reopened only by the asker with a reason, and counts the reopening', async () => {
    const { request } = await submit();
    await triage(request.id);
    await reply(request.id, 'responder');
    expect((await mutate('closeHelpdeskRequest', { requestId: request.id }, 'colleague')).result.code).toBe('NOT_AUTHORIZED');
    const closed = await mutate('closeHelpdeskRequest', { requestId: request.id }, 'asker');
    expect(closed.result.request.status).toBe('CLOSED');
    expect(closed.result.request.resolutionHours).not.toBeNull();
    expect((await mutate('closeHelpdeskRequest', { requestId: request.id }, 'desk')).result.code).toBe('CONFLICT');
    expect((await mutate('reopenHelpdeskRequest', { requestId: request.id, reason: 'Chưa rõ phần chứng thư số' }, 'desk')).result.code).toBe('NOT_AUTHORIZED');
    expect((await mutate('reopenHelpdeskRequest', { requestId: request.id, reason: '' }, 'asker')).result.fieldErrors[0].path).toBe('reason');
    const reopened = await mutate('reopenHelpdeskRequest', { requestId: request.id, reason: 'Chưa rõ phần chứng thư số' }, 'asker');
    expect(reopened.result.request).toMatchObject({ status: 'ASSIGNED', reopenCount: 1, resolutionHours: null });
    expect((await mutate('reopenHelpdeskRequest', { requestId: request.id, reason: 'Lần nữa' }, 'asker')).result.code).toBe('CONFLICT');
    expect((await mutate('closeHelpdeskRequest', { requestId: request.id }, 'desk')).result.request.status).toBe('CLOSED');
  });

  it('lets one of two racing transitions through and answers the other CONFLICT with the state it is in', async () => {
    const { request } = await submit();
    const both = await Promise.all([triage(request.id, 'desk', 'responder', CYBER, 1), triage(request.id, 'admin', 'cyberMember', CYBER, 1)]);
    expect(both.map((b) => b.result.__typename).sort()).toEqual(['ConflictError', 'TriageHelpdeskRequestPayload']);
    expect(both.find((b) => b.result.code)!.result.message).toContain('assigned');
    const closes = await Promise.all([mutate('closeHelpdeskRequest', { requestId: request.id }, 'asker'), mutate('closeHelpdeskRequest', { requestId: request.id }, 'desk')]);
    expect(closes.map((c) => c.result.__typename).sort()).toEqual(['CloseHelpdeskRequestPayload', 'ConflictError']);
    expect((await HelpdeskRequest.findById(Buffer.from(request.id, 'base64url').toString().split(':')[1]).lean())!.history.filter((e) => e.kind === 'closed')).toHaveLength(1);
  });
});

const DASHBOARD = `query ($month: String!, $group: String) { helpdeskDashboard(month: $month, group: $group) {
  counts { new assigned answered closed } firstResponse { count median p90 } resolution { count median p90 } overdue { kind serviceHours request { id } } } }`;

describe('Help desk dashboard', () => {
  it('measures a month in service hours across nights, a weekend and a holiday: medians, 90th percentiles, counts and the overdue list', async () => {
    await HelpdeskRequest.deleteMany({});
    await HelpdeskSettings.deleteMany({});
    const settings = await graphql(`{ helpdeskSettings { version openings { weekday opensAt closesAt } firstResponseTargetHours resolutionTargetHours } }`);
    const { openings, firstResponseTargetHours, resolutionTargetHours } = settings.data.helpdeskSettings;
    // Monday 14 December 2026 is made a holiday for this test.
    await mutate('updateHelpdeskSettings', { openings, holidays: ['2026-12-14'], firstResponseTargetHours, resolutionTargetHours, version: 0 }, 'admin', 'settings { version }');
    const walk = async (open: string, answer: string | null, close: string | null) => {
      at(open);
      const { request } = await submit();
      if (!answer) return request.id as string;
      await triage(request.id);
      at(answer);
      await reply(request.id, 'responder');
      if (close) {
        at(close);
        await mutate('closeHelpdeskRequest', { requestId: request.id }, 'asker');
      }
      return request.id as string;
    };
    await walk('2026-12-04T16:00', '2026-12-07T09:00', '2026-12-07T11:00'); // Friday evening → Monday: 2 h; closed after 4 h
    await walk('2026-12-05T10:00', '2026-12-07T09:00', '2026-12-08T09:00'); // filed on Saturday: 1 h; closed after 10 h
    await walk('2026-12-11T16:00', '2026-12-15T10:00', null); // Friday → Tuesday over the weekend and Monday's holiday: 3 h
    await walk('2026-12-09T08:00', '2026-12-09T16:30', null); // within one day: 8.5 h
    await walk('2026-11-30T09:00', '2026-11-30T10:00', '2026-11-30T11:00'); // November: not in December's figures
    const late = await walk('2026-12-01T09:00', null, null); // never answered: overdue
    at('2026-12-15T12:00');
    const all = (await graphql(DASHBOARD, { month: '2026-12' }, as('desk'))).data.helpdeskDashboard;
    expect(all.counts).toEqual({ new: 1, assigned: 0, answered: 2, closed: 2 });
    expect(all.firstResponse).toEqual({ count: 4, median: 2, p90: 8.5 });
    expect(all.resolution).toEqual({ count: 2, median: 4, p90: 10 });
    expect(all.overdue).toEqual([{ kind: 'FIRST_RESPONSE', serviceHours: 9 * 9 - 1 + 4, request: { id: late } }]);
    const cyber = (await graphql(DASHBOARD, { month: '2026-12', group: CYBER }, as('desk'))).data.helpdeskDashboard;
    expect(cyber.counts.new).toBe(0);
    expect(cyber.overdue).toEqual([]);
    // Members see the figures, not the list of named requests.
    const member = (await graphql(DASHBOARD, { month: '2026-12' }, as('colleague'))).data.helpdeskDashboard;
    expect(member.firstResponse.median).toBe(2);
    expect(member.overdue).toEqual([]);
    expect((await graphql(DASHBOARD, { month: '2026-13' }, as('desk'))).errors?.[0]?.extensions?.code).toBeDefined();
  });
});

const FAQ = `query ($query: String, $topic: String) { helpdeskFaq(query: $query, topic: $topic, first: 10) { edges { node { id title answerHtml organizationLabel topics { slug } request { id } } } } }`;

describe('Help desk FAQ', () => {
  it('publishes an answered request readable signed out, anonymised when asked, found without diacritics, and gone once unpublished', async () => {
    const { request } = await submit('asker', { title: 'Bảo mật khi chia sẻ dữ liệu qua LGSP', anonymousInFaq: true });
    await triage(request.id);
    expect((await mutate('publishFaqEntry', { requestId: request.id }, 'desk', 'entry { id }')).result.code).toBe('CONFLICT');
    const answer = await reply(request.id, 'responder');
    await mutate('closeHelpdeskRequest', { requestId: request.id }, 'asker');
    expect((await mutate('publishFaqEntry', { requestId: request.id }, 'responder', 'entry { id }')).result.code).toBe('NOT_AUTHORIZED');
    expect((await mutate('publishFaqEntry', { requestId: request.id }, 'desk', 'entry { id }')).result.fieldErrors).toEqual([{ path: 'answerId', code: 'REQUIRED' }]);
    const published = await mutate('publishFaqEntry', { requestId: request.id, answerId: answer.reply.id }, 'desk', 'entry { id organizationLabel }');
    expect(published.result.entry.organizationLabel).toBe('Một sở khoa học và công nghệ');
    const signedOut = (await graphql(FAQ, { query: 'bao mat chia se' })).data.helpdeskFaq.edges;
    expect(signedOut).toHaveLength(1);
    expect(signedOut[0].node).toMatchObject({
      title: 'Bảo mật khi chia sẻ dữ liệu qua LGSP',
      organizationLabel: 'Một sở khoa học và công nghệ',
      topics: [{ slug: 'an-toan-thong-tin' }],
      request: null,
    });
    expect(signedOut[0].node.answerHtml).toContain('chữ ký số');
    expect(JSON.stringify(signedOut)).not.toContain('Đà Nẵng');
    expect((await graphql(FAQ, { topic: 'du-lieu-so', query: 'bao mat' })).data.helpdeskFaq.edges).toHaveLength(0);
    expect((await mutate('unpublishFaqEntry', { id: published.result.entry.id }, 'asker', 'request { id }')).result.code).toBe('NOT_AUTHORIZED');
    expect((await mutate('unpublishFaqEntry', { id: published.result.entry.id }, 'desk', 'request { id }')).result.request.id).toBe(request.id);
    expect((await graphql(FAQ, { query: 'bao mat chia se' })).data.helpdeskFaq.edges).toHaveLength(0);
    expect(await FaqEntry.countDocuments()).toBe(0);
  });
});

describe('Help desk FAQ editing', () => {
  const ENTRY = 'entry { id version title answerHtml organizationLabel anonymous topics { slug } }';
  async function publishedEntry(extra: Record<string, unknown> = {}) {
    const { request } = await submit('asker', { title: 'Lưu trữ nhật ký truy cập hệ thống một cửa', ...extra });
    await triage(request.id);
    const answer = await reply(request.id, 'responder');
    return (await mutate('publishFaqEntry', { requestId: request.id, answerId: answer.reply.id }, 'desk', ENTRY)).result.entry;
  }

  it('changes the topics and the anonymity with the version read; a stale version or an unknown topic changes nothing', async () => {
    const entry = await publishedEntry();
    expect(entry).toMatchObject({ organizationLabel: 'Sở Khoa học và Công nghệ Đà Nẵng', anonymous: false });
    const edited = await mutate('updateFaqEntry', { id: entry.id, version: entry.version, answer: 'Lưu **12 tháng**.', topics: ['du-lieu-so'], anonymous: true }, 'desk', ENTRY);
    expect(edited.result.entry).toMatchObject({ version: entry.version + 1, organizationLabel: 'Một sở khoa học và công nghệ', anonymous: true, topics: [{ slug: 'du-lieu-so' }] });
    expect(edited.result.entry.answerHtml).toContain('<strong>12 tháng</strong>');
    const stale = await mutate('updateFaqEntry', { id: entry.id, version: entry.version, topics: ['an-toan-thong-tin'], anonymous: false }, 'desk', ENTRY);
    expect(stale.result.code).toBe('CONFLICT');
    const unknown = await mutate('updateFaqEntry', { id: entry.id, version: entry.version + 1, topics: ['khong-co'] }, 'desk', ENTRY);
    expect(unknown.result.fieldErrors).toEqual([{ path: 'topics.0', code: 'UNKNOWN' }]);
    expect((await mutate('updateFaqEntry', { id: entry.id, version: entry.version + 1, anonymous: false }, 'responder', ENTRY)).result.code).toBe('NOT_AUTHORIZED');
    const read = (await graphql(FAQ, { topic: 'du-lieu-so' })).data.helpdeskFaq.edges.map((e: { node: unknown }) => e.node);
    expect(read).toEqual([expect.objectContaining({ id: entry.id, organizationLabel: 'Một sở khoa học và công nghệ', topics: [{ slug: 'du-lieu-so' }] })]);
    const named = await mutate('updateFaqEntry', { id: entry.id, version: entry.version + 1, anonymous: false }, 'desk', ENTRY);
    expect(named.result.entry).toMatchObject({ organizationLabel: 'Sở Khoa học và Công nghệ Đà Nẵng', anonymous: false });
    // The two edits that went through are in the audit log, by the desk member, about the asker; the refused ones are not.
    const audited = await AuditEntry.find({ action: 'helpdesk.faq-edited', helpdeskRequest: Buffer.from(entry.id, 'base64url').toString().split(':')[1] }).lean();
    expect(audited.map((a) => [String(a.actor), String(a.subject)])).toEqual([
      [ids.desk, ids.asker],
      [ids.desk, ids.asker],
    ]);
  });

  it('keeps an entry anonymous when its asker asked for it', async () => {
    const entry = await publishedEntry({ anonymousInFaq: true });
    expect(entry).toMatchObject({ organizationLabel: 'Một sở khoa học và công nghệ', anonymous: true });
    const edited = await mutate('updateFaqEntry', { id: entry.id, version: entry.version, anonymous: false }, 'desk', ENTRY);
    expect(edited.result.entry).toMatchObject({ organizationLabel: 'Một sở khoa học và công nghệ', anonymous: true });
  });
});

describe('Help desk settings', () => {
  it('are changed by admins only, with the version read, and refuse an opening that closes before it opens', async () => {
    const read = (await graphql(`{ helpdeskSettings { version holidays firstResponseTargetHours openings { weekday opensAt closesAt } } }`)).data.helpdeskSettings;
    const input = { openings: read.openings, holidays: read.holidays, firstResponseTargetHours: 4, resolutionTargetHours: 24, version: read.version };
    expect((await mutate('updateHelpdeskSettings', input, 'desk', 'settings { version }')).result.code).toBe('NOT_AUTHORIZED');
    const bad = await mutate('updateHelpdeskSettings', { ...input, openings: [{ weekday: 1, opensAt: 600, closesAt: 540 }] }, 'admin', 'settings { version }');
    expect(bad.result.fieldErrors).toEqual([{ path: 'openings.0.closesAt', code: 'INVALID' }]);
    const saved = await mutate('updateHelpdeskSettings', input, 'admin', 'settings { version firstResponseTargetHours }');
    expect(saved.result.settings).toEqual({ version: read.version + 1, firstResponseTargetHours: 4 });
    expect((await mutate('updateHelpdeskSettings', input, 'admin', 'settings { version }')).result.code).toBe('CONFLICT');
  });
});
