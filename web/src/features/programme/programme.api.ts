import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { mutate } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';

/* The programme's criteria and reports (/programme…), mirroring schema/programme. */

const CriterionFields = graphql(`
  fragment ProgrammeCriterionFields on ProgrammeCriterion @_unmask { code title titleEn unit target deadline level order }
`);

const ProgrammeHomeQuery = graphql(
  `
  query ProgrammeHome($period: String!) {
    programmeFramework { id code title description source validFrom status
      criteria { ...ProgrammeCriterionFields results(period: $period) { reporting meeting } } }
    programmePeriods
    currentProgrammePeriod
    myProgrammeOrganizations { slug name }
  }
`,
  [CriterionFields],
);
export type ProgrammeHome = ResultOf<typeof ProgrammeHomeQuery>;

const PeriodsQuery = graphql(`query ProgrammePeriods { programmePeriods currentProgrammePeriod }`);

/** The period a view shows when none is asked for: the latest with submitted reports, else the current one. */
export const getPeriods = query(async () => request(PeriodsQuery, {}), 'programmePeriods');

export const getProgrammeHome = query(async (period: string) => request(ProgrammeHomeQuery, { period }), 'programmeHome');

const CriterionQuery = graphql(
  `
  query ProgrammeCriterion($code: String, $period: String!) {
    programmeFramework(code: $code) { id code title status
      criteria { ...ProgrammeCriterionFields results(period: $period) { period reporting meeting csv
        values { organization { slug name } placeCode value number status meetsTarget evidence comment version submittedAt } } } }
    programmePeriods
    places { code name }
  }
`,
  [CriterionFields],
);
export type ProgrammeCriterionView = ResultOf<typeof CriterionQuery>;
export const getCriterionView = query(async (framework: string | null, period: string) => request(CriterionQuery, { code: framework, period }), 'programmeCriterion');

const ReportFields = graphql(
  `
  fragment ProgrammeReportFields on ProgrammeReport @_unmask {
    id period version state revision comment viewerCanWrite submittedAt updatedAt
    organization { slug name }
    submittedBy { handle name } createdBy { handle name }
    framework { code title criteria { ...ProgrammeCriterionFields } }
    entries { criterionCode value status evidence comment meetsTarget }
  }
`,
  [CriterionFields],
);
export type ProgrammeReport = ResultOf<typeof ReportFields>;

const ProgressQuery = graphql(
  `
  query ProgrammeProgress($organization: String!) {
    programmeProgress(organization: $organization) { csv organization { slug name } reports { ...ProgrammeReportFields } }
  }
`,
  [ReportFields],
);
export type ProgrammeProgress = ResultOf<typeof ProgressQuery>['programmeProgress'];
export const getProgress = query(async (organization: string) => (await request(ProgressQuery, { organization })).programmeProgress, 'programmeProgress');

const ReportFormQuery = graphql(
  `
  query ProgrammeReportForm($organization: String!, $period: String!) {
    programmeReportVersions(organization: $organization, period: $period) { ...ProgrammeReportFields }
    programmeFramework { code title criteria { ...ProgrammeCriterionFields } }
  }
`,
  [ReportFields, CriterionFields],
);
export type ProgrammeReportForm = ResultOf<typeof ReportFormQuery>;
export const getReportForm = query(async (organization: string, period: string) => request(ReportFormQuery, { organization, period }), 'programmeReportForm');

const MyOrganizationsQuery = graphql(`query MyProgrammeOrganizations { myProgrammeOrganizations { slug name kind } currentProgrammePeriod }`);
export const getMyOrganizations = query(async () => request(MyOrganizationsQuery, {}), 'myProgrammeOrganizations');

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;

const SaveReport = graphql(
  `
  mutation SaveProgrammeReport($input: SaveProgrammeReportInput!) {
    saveProgrammeReport(input: $input) { ${RESULT} ... on SaveProgrammeReportPayload { report { id version state revision } } }
  }
`,
);
const SubmitReport = graphql(
  `
  mutation SubmitProgrammeReport($input: SubmitProgrammeReportInput!) {
    submitProgrammeReport(input: $input) { ${RESULT} ... on SubmitProgrammeReportPayload { report { id version state revision } } }
  }
`,
);
const ReviseReport = graphql(
  `
  mutation ReviseProgrammeReport($input: ReviseProgrammeReportInput!) {
    reviseProgrammeReport(input: $input) { ${RESULT} ... on ReviseProgrammeReportPayload { report { id version state revision } } }
  }
`,
);

export type EntryStatus = 'ACHIEVED' | 'ON_TRACK' | 'AT_RISK' | 'NOT_STARTED';
export interface EntryDraft {
  criterion: string;
  value: string | null;
  status: EntryStatus;
  evidence: string[];
  comment: string;
}

export const saveReport = (input: { organization: string; period: string; revision: number; entries: EntryDraft[]; comment: string }) =>
  mutate(SaveReport, { input }, 'saveProgrammeReport', 'SaveProgrammeReportPayload');
export const submitReport = (input: { organization: string; period: string; revision: number }) => mutate(SubmitReport, { input }, 'submitProgrammeReport', 'SubmitProgrammeReportPayload');
export const reviseReport = (input: { organization: string; period: string }) => mutate(ReviseReport, { input }, 'reviseProgrammeReport', 'ReviseProgrammeReportPayload');

const AdminQuery = graphql(
  `
  query ProgrammeAdmin {
    programmeFrameworks { id code title description source validFrom validTo status revision activatedAt criteria { ...ProgrammeCriterionFields } }
    programmeReporters { since organization { slug name } expert { id handle name } }
  }
`,
  [CriterionFields],
);
export type ProgrammeAdmin = ResultOf<typeof AdminQuery>;
export const getAdmin = query(async () => request(AdminQuery, {}), 'programmeAdmin');

const CreateFramework = graphql(`
  mutation CreateProgrammeFramework($input: CreateProgrammeFrameworkInput!) {
    createProgrammeFramework(input: $input) { ${RESULT} ... on CreateProgrammeFrameworkPayload { framework { id code } } }
  }
`);
const UpdateFramework = graphql(`
  mutation UpdateProgrammeFramework($input: UpdateProgrammeFrameworkInput!) {
    updateProgrammeFramework(input: $input) { ${RESULT} ... on UpdateProgrammeFrameworkPayload { framework { id revision } } }
  }
`);
const ActivateFramework = graphql(`
  mutation ActivateProgrammeFramework($input: ActivateProgrammeFrameworkInput!) {
    activateProgrammeFramework(input: $input) { ${RESULT} ... on ActivateProgrammeFrameworkPayload { framework { id status } } }
  }
`);
const SetReporter = graphql(`
  mutation SetProgrammeReporter($input: ProgrammeReporterInput!) {
    setProgrammeReporter(input: $input) { ${RESULT} ... on SetProgrammeReporterPayload { reporter { since } } }
  }
`);
const RemoveReporter = graphql(`
  mutation RemoveProgrammeReporter($input: ProgrammeReporterInput!) {
    removeProgrammeReporter(input: $input) { ${RESULT} ... on RemoveProgrammeReporterPayload { removed } }
  }
`);
const ReportingCandidatesQuery = graphql(`
  query ProgrammeReportingCandidates($after: String) {
    organizations(filter: { kinds: [MINISTRY, MINISTRY_AGENCY, DEPARTMENT] }, first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { slug name kind parent { slug } place { code name } } }
    }
  }
`);
export interface ReportingOrganization {
  slug: string;
  name: string;
  level: 'MINISTRY' | 'PROVINCE';
}

/**
 * The organisations that file reports, for the admins' choice: ministries and ministry-level
 * agencies, and each province's top department (the rule of schema/programme reportingLevelOf;
 * the API checks it again). Served 50 at a time: read to the end (a few hundred at most).
 */
export const getReportingOrganizations = query(async (): Promise<ReportingOrganization[]> => {
  const found: ReportingOrganization[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const { organizations }: ResultOf<typeof ReportingCandidatesQuery> = await request(ReportingCandidatesQuery, { after });
    for (const { node } of organizations.edges) {
      if (node.kind !== 'DEPARTMENT') found.push({ slug: node.slug, name: node.name, level: 'MINISTRY' });
      else if (!node.parent && node.place) found.push({ slug: node.slug, name: node.name, level: 'PROVINCE' });
    }
    if (!organizations.pageInfo.hasNextPage || !organizations.pageInfo.endCursor) break;
    after = organizations.pageInfo.endCursor;
  }
  return found.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}, 'programmeReportingOrganizations');

export const createFramework = (input: { code: string; title: string; copyFrom?: string | null }) => mutate(CreateFramework, { input }, 'createProgrammeFramework', 'CreateProgrammeFrameworkPayload');
export const updateFrameworkCriteria = (input: { id: string; revision: number; criteria: ProgrammeAdmin['programmeFrameworks'][number]['criteria'] }) =>
  mutate(
    UpdateFramework,
    {
      input: {
        id: input.id,
        revision: input.revision,
        criteria: input.criteria.map((c) => ({ code: c.code, title: c.title, titleEn: c.titleEn, unit: c.unit, target: c.target, deadline: c.deadline, level: c.level })),
      },
    },
    'updateProgrammeFramework',
    'UpdateProgrammeFrameworkPayload',
  );
export const activateFramework = (id: string) => mutate(ActivateFramework, { input: { id } }, 'activateProgrammeFramework', 'ActivateProgrammeFrameworkPayload');
export const setReporter = (organization: string, expertId: string) => mutate(SetReporter, { input: { organization, expertId } }, 'setProgrammeReporter', 'SetProgrammeReporterPayload');
export const removeReporter = (organization: string, expertId: string) => mutate(RemoveReporter, { input: { organization, expertId } }, 'removeProgrammeReporter', 'RemoveProgrammeReporterPayload');
