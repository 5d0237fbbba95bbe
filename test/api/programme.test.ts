import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { ProgrammeFramework, ProgrammeReport } from '../../schema/programme/model.ts';
import { globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();

type Who = 'admin' | 'reporterA' | 'reporterB' | 'colleague' | 'outsider' | 'ministryReporter';
const cookies = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const REPORT = `id organization { slug } period version state revision comment submittedBy { handle } viewerCanWrite framework { code }
  entries { criterionCode value status evidence comment meetsTarget criterion { title unit target } }`;

async function call(name: string, inputType: string, selection: string, input: Record<string, unknown>, who: Who | null) {
  const response = await graphql(`mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, who ? { cookie: cookies[who] } : {});
  expect(response.errors).toBeUndefined();
  return response.data[name];
}
const query = async (text: string, variables: Record<string, unknown>, who: Who | null) => graphql(text, variables, who ? { cookie: cookies[who] } : {});

const CRITERIA = [
  { code: 'CT01', title: 'Tỷ lệ dịch vụ công trực tuyến mức độ 4', unit: 'PERCENT', target: '30', deadline: '2020-12-31', level: 'BOTH' },
  { code: 'CT02', title: 'Số cơ sở dữ liệu dùng chung được kết nối', unit: 'COUNT', target: '5', level: 'PROVINCE' },
  { code: 'CT03', title: 'Kết nối Cổng Dịch vụ công quốc gia', unit: 'YES_NO', target: 'yes', level: 'BOTH' },
  { code: 'CT04', title: 'Ngày đưa nền tảng LGSP vào vận hành', unit: 'DATE', target: '2020-06-30', level: 'PROVINCE' },
];

const frameworkMutation = (name: string, inputType: string, input: Record<string, unknown>, who: Who = 'admin') =>
  call(name, inputType, `... on ${inputType.replace('Input', 'Payload')} { framework { id code status revision criteria { code title } } }`, input, who);

let firstFrameworkId = '';
const PERIOD = '2026-H1';

const save = (input: Record<string, unknown>, who: Who) => call('saveProgrammeReport', 'SaveProgrammeReportInput', `... on SaveProgrammeReportPayload { report { ${REPORT} } }`, input, who);
const submit = (input: Record<string, unknown>, who: Who) => call('submitProgrammeReport', 'SubmitProgrammeReportInput', `... on SubmitProgrammeReportPayload { report { ${REPORT} } }`, input, who);
const revise = (input: Record<string, unknown>, who: Who) => call('reviseProgrammeReport', 'ReviseProgrammeReportInput', `... on ReviseProgrammeReportPayload { report { ${REPORT} } }`, input, who);

const GOOD_ENTRIES = [
  { criterion: 'CT01', value: '45,5', status: 'ACHIEVED', evidence: ['https://dichvucong.danang.gov.vn/bao-cao'], comment: 'Theo số liệu "tháng 6", gồm cả cấp xã' },
  { criterion: 'CT02', value: '3', status: 'AT_RISK' },
  { criterion: 'CT03', value: 'yes', status: 'ACHIEVED' },
  { criterion: 'CT04', value: '2020-05-15', status: 'ACHIEVED' },
];

beforeAll(async () => {
  await createReferenceData();
  const make = async (who: Who, organization: string, role = 'member') => {
    const expert = await createExpert({ handle: `nguoi.${who.toLowerCase()}`, name: `Người ${who}`, organization });
    await Expert.updateOne({ _id: expert._id }, { $set: { role } });
    ids[who] = String(expert._id);
    cookies[who] = await sessionCookieFor(ids[who]);
  };
  await make('admin', 'bo-khcn', 'admin');
  await make('reporterA', 'so-khcn-da-nang');
  await make('reporterB', 'so-khcn-da-nang');
  await make('colleague', 'so-khcn-da-nang');
  await make('outsider', 'cuc-cds');
  await make('ministryReporter', 'cuc-cds');
});
beforeEach(() => resetRateLimits());

describe('Programme framework', () => {
  it('is edited by admins only, as a draft, and audited', async () => {
    const refused = await frameworkMutation('createProgrammeFramework', 'CreateProgrammeFrameworkInput', { code: 'NQ17-2019', title: 'Tiêu chí Nghị quyết 17' }, 'reporterA');
    expect(refused.code).toBe('NOT_AUTHORIZED');
    expect(await ProgrammeFramework.countDocuments()).toBe(0);

    const created = await frameworkMutation('createProgrammeFramework', 'CreateProgrammeFrameworkInput', { code: 'NQ17-2019', title: 'Tiêu chí Nghị quyết 17', validFrom: '2019-03-07' });
    expect(created.framework.status).toBe('DRAFT');
    firstFrameworkId = created.framework.id;
    const edited = await frameworkMutation('updateProgrammeFramework', 'UpdateProgrammeFrameworkInput', { id: firstFrameworkId, revision: 1, criteria: CRITERIA });
    expect(edited.framework.criteria.map((c: { code: string }) => c.code)).toEqual(['CT01', 'CT02', 'CT03', 'CT04']);
    // A stale revision changes nothing.
    const stale = await frameworkMutation('updateProgrammeFramework', 'UpdateProgrammeFrameworkInput', { id: firstFrameworkId, revision: 1, title: 'Tên cũ hơn' });
    expect(stale.code).toBe('CONFLICT');

    const activated = await frameworkMutation('activateProgrammeFramework', 'ActivateProgrammeFrameworkInput', { id: firstFrameworkId });
    expect(activated.framework.status).toBe('ACTIVE');
    const locked = await frameworkMutation('updateProgrammeFramework', 'UpdateProgrammeFrameworkInput', { id: firstFrameworkId, revision: 2, title: 'Đổi tên' });
    expect(locked.code).toBe('CONFLICT');
    expect((await ProgrammeFramework.findById(firstFrameworkId).lean())!.title).toBe('Tiêu chí Nghị quyết 17');
    for (const action of ['programme.framework-created', 'programme.framework-edited', 'programme.framework-activated'] as const)
      expect(await AuditEntry.countDocuments({ action, framework: 'NQ17-2019' }), action).toBe(1);
  });

  it('refuses criteria whose targets do not fit their unit, or codes given twice', async () => {
    const draft = await frameworkMutation('createProgrammeFramework', 'CreateProgrammeFrameworkInput', { code: 'THU-NGHIEM', title: 'Bộ thử nghiệm' });
    const bad = await frameworkMutation('updateProgrammeFramework', 'UpdateProgrammeFrameworkInput', {
      id: draft.framework.id,
      revision: 1,
      criteria: [
        { ...CRITERIA[0], target: '120' },
        { ...CRITERIA[1], code: 'CT01', target: '-2' },
        { ...CRITERIA[3], target: '2020-02-30' },
      ],
    });
    expect(bad.fieldErrors).toEqual([
      { path: 'criteria.0.target', code: 'OUT_OF_RANGE' },
      { path: 'criteria.1.code', code: 'TAKEN' },
      { path: 'criteria.1.target', code: 'OUT_OF_RANGE' },
      { path: 'criteria.2.target', code: 'NOT_A_DATE' },
    ]);
    expect((await ProgrammeFramework.findById(draft.framework.id).lean())!.criteria).toEqual([]);
  });
});

describe('Programme reporters', () => {
  const setReporter = (organization: string, who: Who, as: Who = 'admin') =>
    call(
      'setProgrammeReporter',
      'ProgrammeReporterInput',
      '... on SetProgrammeReporterPayload { reporter { organization { slug } expert { handle } } }',
      { organization, expertId: globalId('Expert', ids[who]) },
      as,
    );

  it('are chosen by admins among the organisation’s own members', async () => {
    expect((await setReporter('so-khcn-da-nang', 'reporterA', 'reporterA')).code).toBe('NOT_AUTHORIZED');
    expect((await setReporter('so-khcn-da-nang', 'reporterA')).reporter.expert.handle).toBe('nguoi.reportera');
    expect((await setReporter('so-khcn-da-nang', 'reporterB')).reporter.organization.slug).toBe('so-khcn-da-nang');
    // A member of the ministry's agency reports for the ministry, not for a province.
    expect((await setReporter('so-khcn-da-nang', 'outsider')).fieldErrors).toEqual([{ path: 'expertId', code: 'NOT_A_MEMBER' }]);
    expect((await setReporter('cuc-cds', 'outsider')).fieldErrors).toEqual([{ path: 'organization', code: 'NOT_REPORTING' }]);
    expect((await setReporter('bo-khcn', 'ministryReporter')).reporter.organization.slug).toBe('bo-khcn');
    expect(await AuditEntry.countDocuments({ action: 'programme.reporter-set' })).toBe(3);
  });
});

describe('Programme reports', () => {
  const base = { organization: 'so-khcn-da-nang', period: PERIOD, comment: '' };

  it('are filed by the organisation’s reporting members only', async () => {
    for (const who of ['colleague', 'outsider', 'admin'] as const) expect((await save({ ...base, revision: 0, entries: GOOD_ENTRIES }, who)).code).toBe('NOT_AUTHORIZED');
    expect((await save({ ...base, organization: 'bo-khcn', revision: 0, entries: [] }, 'reporterA')).code).toBe('NOT_AUTHORIZED');
    expect(await ProgrammeReport.countDocuments()).toBe(0);
  });

  it('checks every value against its criterion’s unit and saves nothing wrong', async () => {
    const bad = await save(
      {
        ...base,
        revision: 0,
        entries: [
          { criterion: 'CT01', value: '100.5' },
          { criterion: 'CT02', value: '2.5' },
          { criterion: 'CT03', value: 'có lẽ' },
          { criterion: 'CT04', value: '2026-02-30' },
        ],
      },
      'reporterA',
    );
    expect(bad.fieldErrors).toEqual([
      { path: 'entries.0.value', code: 'OUT_OF_RANGE' },
      { path: 'entries.1.value', code: 'NOT_WHOLE' },
      { path: 'entries.2.value', code: 'NOT_YES_NO' },
      { path: 'entries.3.value', code: 'NOT_A_DATE' },
    ]);
    const more = await save(
      {
        ...base,
        revision: 0,
        entries: [
          { criterion: 'CT01', value: '-1' },
          { criterion: 'CT02', value: '-3' },
          { criterion: 'CT01', value: 'nhiều' },
        ],
      },
      'reporterA',
    );
    expect(more.fieldErrors).toEqual([
      { path: 'entries.0.value', code: 'OUT_OF_RANGE' },
      { path: 'entries.1.value', code: 'OUT_OF_RANGE' },
      { path: 'entries.2.criterion', code: 'TAKEN' },
      { path: 'entries.2.value', code: 'NOT_A_NUMBER' },
    ]);
    expect(await ProgrammeReport.countDocuments()).toBe(0);
  });

  it('refuses hostile input with typed errors and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, period: '2026-H3', revision: 0, entries: [] }, 'period'],
      [{ ...base, period: '2099-H1', revision: 0, entries: [] }, 'period'],
      [{ ...base, organization: '$ne', revision: 0, entries: [] }, 'organization'],
      [{ ...base, revision: 0, entries: [{ criterion: 'CT01', value: '50', evidence: ['javascript:alert(1)'] }] }, 'entries.0.evidence.0'],
      [{ ...base, revision: 0, entries: [{ criterion: 'CT01', value: '50', evidence: ['http://khong-an-toan.vn'] }] }, 'entries.0.evidence.0'],
      [{ ...base, revision: 0, entries: [{ criterion: 'CT99', value: '50' }] }, 'entries.0.criterion'],
      [{ ...base, revision: 0, entries: [{ criterion: 'CT01', value: '5'.repeat(500) }] }, 'entries.0.value'],
    ];
    for (const [input, path] of cases) {
      const result = await save(input, 'reporterA');
      expect(result.__typename, path).toBe('ValidationError');
      expect(result.fieldErrors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // The ministry's reporter cannot give a province-only criterion.
    const ministry = await save({ organization: 'bo-khcn', period: PERIOD, revision: 0, entries: [{ criterion: 'CT02', value: '3' }] }, 'ministryReporter');
    expect(ministry.fieldErrors).toEqual([{ path: 'entries.0.criterion', code: 'UNKNOWN' }]);
    expect(await ProgrammeReport.countDocuments()).toBe(0);
  });

  it('lets one of two members racing to start or submit a period win, the other gets CONFLICT', async () => {
    const starts = await Promise.all((['reporterA', 'reporterB'] as const).map((who) => save({ ...base, revision: 0, entries: GOOD_ENTRIES }, who)));
    expect(starts.map((r) => r.__typename).sort()).toEqual(['Conflict' + 'Error', 'SaveProgrammeReportPayload'].sort());
    const draft = starts.find((r) => r.report)!.report;
    expect(draft).toMatchObject({ version: 1, state: 'DRAFT', revision: 1 });
    expect(draft.entries[0]).toMatchObject({ value: '45.5', meetsTarget: true });

    // Drafts are the reporters' (and admins'): a colleague sees nothing yet.
    const versions = `query ($o: String!, $p: String!) { programmeReportVersions(organization: $o, period: $p) { version state } }`;
    expect((await query(versions, { o: 'so-khcn-da-nang', p: PERIOD }, 'colleague')).data.programmeReportVersions).toEqual([]);
    expect((await query(versions, { o: 'so-khcn-da-nang', p: PERIOD }, 'admin')).data.programmeReportVersions).toEqual([{ version: 1, state: 'DRAFT' }]);

    const submits = await Promise.all((['reporterA', 'reporterB'] as const).map((who) => submit({ organization: 'so-khcn-da-nang', period: PERIOD, revision: 1 }, who)));
    expect(submits.map((r) => r.__typename).sort()).toEqual(['ConflictError', 'SubmitProgrammeReportPayload']);
    expect(await ProgrammeReport.countDocuments({ state: 'submitted' })).toBe(1);
    expect((await query(versions, { o: 'so-khcn-da-nang', p: PERIOD }, 'colleague')).data.programmeReportVersions).toEqual([{ version: 1, state: 'SUBMITTED' }]);
  });

  it('cannot be edited once submitted, only superseded by a new version that keeps the history', async () => {
    const locked = await save({ ...base, revision: 2, entries: [{ criterion: 'CT01', value: '99' }] }, 'reporterA');
    expect(locked.code).toBe('CONFLICT');
    expect((await ProgrammeReport.findOne({ version: 1 }).lean())!.entries[0]!.value).toBe('45.5');

    const correction = await revise({ organization: 'so-khcn-da-nang', period: PERIOD }, 'reporterB');
    expect(correction.report).toMatchObject({ version: 2, state: 'DRAFT' });
    expect(correction.report.entries.map((e: { value: string }) => e.value)).toEqual(['45.5', '3', 'yes', '2020-05-15']);
    const fixed = await save({ ...base, revision: correction.report.revision, entries: [...GOOD_ENTRIES.slice(0, 1), { criterion: 'CT02', value: '6', status: 'ACHIEVED' }] }, 'reporterB');
    const submitted = await submit({ organization: 'so-khcn-da-nang', period: PERIOD, revision: fixed.report.revision }, 'reporterB');
    expect(submitted.report).toMatchObject({ version: 2, state: 'SUBMITTED', submittedBy: { handle: 'nguoi.reporterb' } });

    const history = await query(
      `query ($o: String!, $p: String!) { programmeReportVersions(organization: $o, period: $p) { version state submittedBy { handle } submittedAt } }`,
      { o: 'so-khcn-da-nang', p: PERIOD },
      'colleague',
    );
    expect(history.data.programmeReportVersions).toMatchObject([
      { version: 2, state: 'SUBMITTED', submittedBy: { handle: 'nguoi.reporterb' } },
      { version: 1, state: 'SUPERSEDED' },
    ]);
    // Version 1 was submitted by whichever of the two reporters won the race above.
    expect(history.data.programmeReportVersions[1].submittedBy.handle).toMatch(/^nguoi\.reporter[ab]$/);
  });

  it('show on the criterion’s table with the share meeting its target, and as CSV with a BOM and quoting', async () => {
    const criteria = `query ($p: String!) { programmeFramework { code criteria { code results(period: $p) { reporting meeting csv values { organization { slug } placeCode value meetsTarget } } } } }`;
    const response = await query(criteria, { p: PERIOD }, 'colleague');
    const [ct01, ct02] = response.data.programmeFramework.criteria;
    expect(ct01.results).toMatchObject({ reporting: 1, meeting: 1, values: [{ organization: { slug: 'so-khcn-da-nang' }, placeCode: 'da-nang', value: '45.5', meetsTarget: true }] });
    expect(ct02.results).toMatchObject({ reporting: 1, meeting: 1, values: [{ value: '6' }] });
    expect(ct01.results.csv.startsWith('\uFEFFKỳ báo cáo,Mã tiêu chí')).toBe(true);
    expect(ct01.results.csv).toContain('"Theo số liệu ""tháng 6"", gồm cả cấp xã"');
    // Signed out, nothing.
    expect((await query(criteria, { p: PERIOD }, null)).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });

  it('keep the criteria they were filed against when a new framework version replaces the old one', async () => {
    const copy = await frameworkMutation('createProgrammeFramework', 'CreateProgrammeFrameworkInput', { code: 'CT-2026', title: 'Chương trình mới 2026', copyFrom: firstFrameworkId });
    expect(copy.framework.criteria).toHaveLength(4);
    const renamed = CRITERIA.slice(0, 2).map((c) => ({ ...c, title: `${c.title} (mới)`, target: c.unit === 'PERCENT' ? '80' : c.target }));
    await frameworkMutation('updateProgrammeFramework', 'UpdateProgrammeFrameworkInput', { id: copy.framework.id, revision: 1, criteria: renamed });
    await frameworkMutation('activateProgrammeFramework', 'ActivateProgrammeFrameworkInput', { id: copy.framework.id });
    expect((await ProgrammeFramework.findById(firstFrameworkId).lean())!.status).toBe('retired');

    const progress = await query(
      `query { programmeProgress(organization: "so-khcn-da-nang") { csv reports { period version framework { code status } entries { criterion { title target } value meetsTarget } } } }`,
      {},
      'colleague',
    );
    const [report] = progress.data.programmeProgress.reports;
    expect(report.framework).toEqual({ code: 'NQ17-2019', status: 'RETIRED' });
    expect(report.entries[0]).toEqual({ criterion: { title: CRITERIA[0]!.title, target: '30' }, value: '45.5', meetsTarget: true });
    expect(progress.data.programmeProgress.csv).toContain('NQ17-2019');

    // A new period's report is filed against the new version, with its three... two criteria.
    const next = await save({ ...base, period: '2026-H2', revision: 0, entries: [{ criterion: 'CT01', value: '50' }] }, 'reporterA');
    expect(next.report.framework.code).toBe('CT-2026');
    expect(next.report.entries[0]).toMatchObject({ meetsTarget: false, criterion: { target: '80' } });
    expect((await save({ ...base, period: '2026-H2', revision: next.report.revision, entries: [{ criterion: 'CT03', value: 'yes' }] }, 'reporterA')).fieldErrors).toEqual([
      { path: 'entries.0.criterion', code: 'UNKNOWN' },
    ]);
  });

  it('leave one framework in force when admins activate several versions at once', async () => {
    const drafts = await Promise.all(
      ['THU-A', 'THU-B', 'THU-C', 'THU-D', 'THU-E'].map((code) =>
        frameworkMutation('createProgrammeFramework', 'CreateProgrammeFrameworkInput', { code, title: `Bản ${code}`, copyFrom: firstFrameworkId }),
      ),
    );
    const results = await Promise.all(drafts.map((d) => frameworkMutation('activateProgrammeFramework', 'ActivateProgrammeFrameworkInput', { id: d.framework.id })));
    // One that found another already in force replaces it, as one after the other would; one that
    // met another's activation midway gets CONFLICT. Never an error, never two in force.
    expect(results.every((r) => r.__typename === 'ActivateProgrammeFrameworkPayload' || r.__typename === 'ConflictError')).toBe(true);
    const won = results.filter((r) => r.__typename === 'ActivateProgrammeFrameworkPayload').map((r) => r.framework.code);
    expect(won.length).toBeGreaterThan(0);
    const inForce = await ProgrammeFramework.find({ status: 'active' }, { code: 1 }).lean();
    expect(inForce).toHaveLength(1);
    expect(won).toContain(inForce[0]!.code);
  });
});
