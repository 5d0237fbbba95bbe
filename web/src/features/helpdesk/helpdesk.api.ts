import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { mutate } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';

/* The help desk (/helpdesk…), mirroring schema/helpdesk. */

const RequestFields = graphql(`
  fragment HelpdeskRequestFields on HelpdeskRequest @_unmask {
    id status version reopenCount openedAt firstResponseAt closedAt firstResponseHours resolutionHours serviceHoursOpen anonymousInFaq
    viewerCanTriage viewerCanClose viewerCanReopen viewerCanPublish
    thread { id title acceptedAnswer { id } }
    asker { handle name }
    organization { slug name }
    group { slug name nameEn }
    assignee { id handle name }
    faqEntry { id }
  }
`);

/** What a list shows of a request (lists are long: the full fields are the status block's). */
const RowFields = graphql(`
  fragment HelpdeskRowFields on HelpdeskRequest @_unmask {
    id status version openedAt serviceHoursOpen viewerCanTriage
    thread { id title }
    asker { name }
    organization { name }
    group { slug name nameEn }
    assignee { id name }
  }
`);

const HomeQuery = graphql(`
  query HelpdeskHome {
    helpdeskSettings { openNow nextOpeningAt viewerIsDesk firstResponseTargetHours resolutionTargetHours openings { weekday opensAt closesAt } }
  }
`);
export type HelpdeskHome = ResultOf<typeof HomeQuery>;
export const getHelpdeskHome = query(async () => request(HomeQuery, {}), 'helpdeskHome');

const MineQuery = graphql(
  `
  query HelpdeskMine {
    helpdeskOrganizations { slug name }
    viewerOrganizationHelpdeskRequests(first: 10) { edges { node { ...HelpdeskRowFields } } }
    groups { slug kind name nameEn }
  }
`,
  [RowFields],
);
export type HelpdeskMine = ResultOf<typeof MineQuery>;
export type HelpdeskRequest = HelpdeskMine['viewerOrganizationHelpdeskRequests']['edges'][number]['node'];
export const getHelpdeskMine = query(async () => request(MineQuery, {}), 'helpdeskMine');

const QueueQuery = graphql(
  `
  query HelpdeskQueue($status: HelpdeskStatus) {
    helpdeskQueue(first: 20, status: $status) { edges { node { ...HelpdeskRowFields } } }
  }
`,
  [RowFields],
);
export type HelpdeskStatus = HelpdeskRequest['status'];
export const getHelpdeskQueue = query(async (status: HelpdeskStatus) => request(QueueQuery, { status }), 'helpdeskQueue');

const MembersQuery = graphql(`query HelpdeskGroupMembers($slug: String!) { group(slug: $slug) { slug members { role expert { id handle name } } } }`);
export const getGroupMembers = query(async (slug: string) => (await request(MembersQuery, { slug })).group.members, 'helpdeskGroupMembers');

const DashboardQuery = graphql(
  `
  query HelpdeskDashboard($month: String!, $group: String) {
    helpdeskDashboard(month: $month, group: $group) {
      month firstResponseTargetHours resolutionTargetHours
      counts { new assigned answered closed }
      firstResponse { count median p90 }
      resolution { count median p90 }
      overdue { kind serviceHours request { ...HelpdeskRowFields } }
    }
  }
`,
  [RowFields],
);
export type HelpdeskDashboard = ResultOf<typeof DashboardQuery>['helpdeskDashboard'];
export const getHelpdeskDashboard = query(async (month: string, group: string | null) => (await request(DashboardQuery, { month, group })).helpdeskDashboard, 'helpdeskDashboard');

const ThreadRequestQuery = graphql(
  `
  query ThreadHelpdeskRequest($id: ID!) { node(id: $id) { ... on Thread { id helpdeskRequest { ...HelpdeskRequestFields } } } }
`,
  [RequestFields],
);
export const getThreadRequest = query(async (threadId: string) => {
  const node = (await request(ThreadRequestQuery, { id: threadId })).node;
  return node && 'helpdeskRequest' in node ? (node.helpdeskRequest ?? null) : null;
}, 'threadHelpdeskRequest');

const FaqQuery = graphql(`
  query HelpdeskFaq($query: String, $topic: String, $after: String) {
    helpdeskFaq(first: 20, query: $query, topic: $topic, after: $after) {
      edges { node { id version title question questionHtml answer answerHtml anonymous organizationLabel organizationLabelEn publishedAt topics { slug name nameEn } request { id anonymousInFaq } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
export type FaqPage = ResultOf<typeof FaqQuery>['helpdeskFaq'];
export type FaqEntry = FaqPage['edges'][number]['node'];
export const getFaq = query(async (text: string | null, topic: string | null, after: string | null) => (await request(FaqQuery, { query: text, topic, after })).helpdeskFaq, 'helpdeskFaq');

const SettingsQuery = graphql(`
  query HelpdeskSettingsForm { helpdeskSettings { version timeZone holidays firstResponseTargetHours resolutionTargetHours openings { weekday opensAt closesAt } } }
`);
export type HelpdeskSettings = ResultOf<typeof SettingsQuery>['helpdeskSettings'];
export const getHelpdeskSettings = query(async () => (await request(SettingsQuery, {})).helpdeskSettings, 'helpdeskSettingsForm');

const SubmitMutation = graphql(`
  mutation SubmitHelpdeskRequest($input: SubmitHelpdeskRequestInput!) {
    submitHelpdeskRequest(input: $input) { __typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } } ... on SubmitHelpdeskRequestPayload { request { id thread { id } } } }
  }
`);
export const submitRequest = (input: { title: string; body: string; topics: string[]; organization: string; anonymousInFaq: boolean }) =>
  mutate(SubmitMutation, { input }, 'submitHelpdeskRequest', 'SubmitHelpdeskRequestPayload');

const TriageMutation = graphql(`
  mutation TriageHelpdeskRequest($input: TriageHelpdeskRequestInput!) {
    triageHelpdeskRequest(input: $input) { __typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } } ... on TriageHelpdeskRequestPayload { request { id status } } }
  }
`);
export const triageRequest = (requestId: string, group: string, assigneeId: string, version: number) =>
  mutate(TriageMutation, { input: { requestId, group, assigneeId, version } }, 'triageHelpdeskRequest', 'TriageHelpdeskRequestPayload');

const CloseMutation = graphql(`
  mutation CloseHelpdeskRequest($input: CloseHelpdeskRequestInput!) {
    closeHelpdeskRequest(input: $input) { __typename ... on Error { code message } ... on CloseHelpdeskRequestPayload { request { id status } } }
  }
`);
export const closeRequest = (requestId: string, version: number) => mutate(CloseMutation, { input: { requestId, version } }, 'closeHelpdeskRequest', 'CloseHelpdeskRequestPayload');

const ReopenMutation = graphql(`
  mutation ReopenHelpdeskRequest($input: ReopenHelpdeskRequestInput!) {
    reopenHelpdeskRequest(input: $input) { __typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } } ... on ReopenHelpdeskRequestPayload { request { id status } } }
  }
`);
export const reopenRequest = (requestId: string, reason: string, version: number) =>
  mutate(ReopenMutation, { input: { requestId, reason, version } }, 'reopenHelpdeskRequest', 'ReopenHelpdeskRequestPayload');

const PublishMutation = graphql(`
  mutation PublishFaqEntry($input: PublishFaqEntryInput!) {
    publishFaqEntry(input: $input) { __typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } } ... on PublishFaqEntryPayload { entry { id } } }
  }
`);
export const publishEntry = (requestId: string, answerId: string | null) => mutate(PublishMutation, { input: { requestId, answerId } }, 'publishFaqEntry', 'PublishFaqEntryPayload');

const UpdateFaqMutation = graphql(`
  mutation UpdateFaqEntry($input: UpdateFaqEntryInput!) {
    updateFaqEntry(input: $input) { __typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } } ... on UpdateFaqEntryPayload { entry { id version } } }
  }
`);
export const updateFaqEntry = (input: { id: string; version: number; title: string; question: string; answer: string; topics: string[]; anonymous: boolean }) =>
  mutate(UpdateFaqMutation, { input }, 'updateFaqEntry', 'UpdateFaqEntryPayload');

const UnpublishMutation = graphql(`
  mutation UnpublishFaqEntry($input: UnpublishFaqEntryInput!) {
    unpublishFaqEntry(input: $input) { __typename ... on Error { code message } ... on UnpublishFaqEntryPayload { request { id } } }
  }
`);
export const unpublishEntry = (id: string) => mutate(UnpublishMutation, { input: { id } }, 'unpublishFaqEntry', 'UnpublishFaqEntryPayload');

const SettingsMutation = graphql(`
  mutation UpdateHelpdeskSettings($input: UpdateHelpdeskSettingsInput!) {
    updateHelpdeskSettings(input: $input) { __typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } } ... on UpdateHelpdeskSettingsPayload { settings { version } } }
  }
`);
export const saveSettings = (input: {
  openings: { weekday: number; opensAt: number; closesAt: number }[];
  holidays: string[];
  firstResponseTargetHours: number;
  resolutionTargetHours: number;
  version: number;
}) => mutate(SettingsMutation, { input }, 'updateHelpdeskSettings', 'UpdateHelpdeskSettingsPayload');
