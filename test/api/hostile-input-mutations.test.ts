import { describe, it } from 'vitest';
import { type Case, coercion, corpus, errorCase, fieldCase, type Hostile, type Kind, MiB, storedCase, title } from '../helpers/hostile-corpus.ts';
import { describeAftermath, runCase } from '../helpers/hostile-run.ts';
import { DAY, globalId, PASSWORD, PNG, useHostileWorld } from '../helpers/hostile-world.ts';

/*
 * The hostile-input corpus (test/helpers/hostile-corpus.ts says what it is and what every input
 * must end in) thrown at every argument of the mutations. The queries have their own file.
 */

useHostileWorld();

const text = (min: number, max: number, multiline = false): Kind => ({ text: { min, max, multiline } });
const inUrl = (h: Hostile) => (h.cls === 'plain' || h.cls === 'huge' || h.cls === 'flood' ? h.value : `https://example.vn/${h.value}`);
const inStatement = (h: Hostile) => `Trưởng phòng CNTT tỉnh. ${h.value}`;
/** Long enough for the password rules, so that the characters are what is judged. */
const asPassword = (h: Hostile) => `${h.value} mật khẩu dài`;
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64');
const pngPolyglot = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.from('<script>alert(1)</script>')]).toString('base64');
/** A due day (YYYY-MM-DD, Vietnam's calendar): anything else is refused on the field. */
const dueDays = (op: 'createTask' | 'acceptProposal' | 'updateTask'): Case[] => [
  ...['2027-02-30', '', 'tomorrow', '2027-06-30\u0000', '2027-6-30', '30/06/2027', '2027-06-30T00:00:00Z', '+275760-09-13', '{"$gt":""}'].map((value) =>
    fieldCase(op, 'input.dueOn', JSON.stringify(value).slice(0, 40), value, ['INVALID', 'TOO_LONG']),
  ),
  fieldCase(op, 'input.dueOn', '1 MiB', MiB, ['INVALID', 'TOO_LONG']),
  coercion(op, 'input.dueOn', 'an operator object', { $gt: '' }),
  storedCase(op, 'input.dueOn', 'a valid day (control)', '2027-06-30'),
];
/** The corpus at a field with its own codes for what it refuses (what it stores is judged as the kind says). */
const refusedAs = (cases: Case[], codes: string[]): Case[] => cases.map((c) => (c.expect.kind === 'field' ? { ...c, expect: { ...c.expect, codes } } : c));
const inSevenDays = () => new Date(Date.now() + 7 * DAY).toISOString();

const MUTATION_CASES: Record<string, Case[]> = {
  signUp: [
    ...corpus('signUp', 'input.name', 'name'),
    ...corpus('signUp', 'input.email', 'email'),
    ...corpus('signUp', 'input.password', 'password', { wrap: asPassword }),
    ...corpus('signUp', 'input.organization', 'slug'),
    ...corpus('signUp', 'input.place', 'slug'),
    ...corpus('signUp', 'input.specialties.0', 'slug'),
    coercion('signUp', 'input.role', 'an extra "role: ADMIN" field', 'ADMIN'),
    coercion('signUp', 'input.$where', 'an operator as a field name', 'sleep(1000)'),
    coercion('signUp', 'input', 'an array for the input object', [{ name: 'Đặng Thu Trang', email: 'arr@example.vn', password: PASSWORD }]),
    fieldCase('signUp', 'input.specialties', '7 specialties', ['du-lieu-so', 'an-toan-thong-tin', 'a', 'b', 'c', 'd', 'e'], ['TOO_LONG']),
  ],
  signIn: [
    ...corpus('signIn', 'input.email', 'credential'),
    ...corpus('signIn', 'input.password', 'credential'),
    coercion('signIn', 'input', 'operator objects for both fields', { email: { $ne: null }, password: { $ne: null } }),
  ],
  changePassword: [...corpus('changePassword', 'input.currentPassword', 'currentPassword'), ...corpus('changePassword', 'input.newPassword', 'password', { wrap: asPassword })],
  updateProfile: [
    ...corpus('updateProfile', 'input.name', 'name'),
    ...corpus('updateProfile', 'input.position', text(0, 120)),
    ...corpus('updateProfile', 'input.bio', text(0, 1000, true)),
    ...corpus('updateProfile', 'input.organization', 'slug'),
    ...corpus('updateProfile', 'input.place', 'slug'),
    ...corpus('updateProfile', 'input.specialties.0', 'slug'),
    ...corpus('updateProfile', 'input.links.0.label', text(1, 60)),
    ...corpus('updateProfile', 'input.links.0.url', 'url', { wrap: inUrl }),
    fieldCase('updateProfile', 'input.links.0.url', 'JaVaScRiPt: URL', 'JaVaScRiPt:alert(1)', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'javascript: URL behind a space', ' javascript:alert(1)', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'javascript: URL split by a tab', 'java\tscript:alert(1)', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'data: URL with a script', 'data:text/html,<script>alert(1)</script>', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'vbscript: URL', 'vbscript:msgbox(1)', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'file: URL', 'file:///etc/passwd', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'URL with credentials', 'https://admin:secret@example.vn/', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'protocol-relative URL', '//evil.example/x', ['INVALID']),
    storedCase('updateProfile', 'input.links.0.url', 'https URL carrying markup', 'https://example.vn/"><script>alert(1)</script>'),
    coercion('updateProfile', 'input', 'an array for the input object', [{ bio: 'x' }]),
    coercion('updateProfile', 'input', 'a string for the input object', '{"bio":"x"}'),
    coercion('updateProfile', 'input.role', 'an extra "role: ADMIN" field', 'ADMIN'),
    coercion('updateProfile', 'input.verifiedAt', 'an extra "verifiedAt" field', '2020-01-01T00:00:00Z'),
    coercion('updateProfile', 'input.__proto__', 'a "__proto__" field', { role: 'admin' }),
    coercion('updateProfile', 'input.$set', 'an operator as a field name', { role: 'admin' }),
    coercion('updateProfile', 'input.links', 'nested arrays for links', [[{ label: 'a', url: 'https://example.vn' }]]),
    coercion('updateProfile', 'input.links', 'a string for links', 'https://example.vn'),
    fieldCase(
      'updateProfile',
      'input.links',
      '6 links',
      Array.from({ length: 6 }, (_, i) => ({ label: `Liên kết ${i}`, url: `https://example.vn/${i}` })),
      ['TOO_LONG'],
    ),
    fieldCase('updateProfile', 'input.specialties', '7 specialties', ['du-lieu-so', 'an-toan-thong-tin', 'a', 'b', 'c', 'd', 'e'], ['TOO_LONG']),
    fieldCase('updateProfile', 'input.specialties', '100,000 specialties', Array(100_000).fill('du-lieu-so'), ['TOO_LONG']),
    fieldCase('updateProfile', 'input.specialties', 'one string for the list (coerced to ["$gt"])', '$gt', ['INVALID'], 'specialties.0'),
    storedCase('updateProfile', 'input.specialties', 'one slug for the list (coerced to a list, as GraphQL specifies)', 'an-toan-thong-tin', ['an-toan-thong-tin']),
  ],
  setAvatar: [
    ...corpus('setAvatar', 'input.image', 'image'),
    fieldCase('setAvatar', 'input.image', 'an SVG with onload, base64', svg, ['INVALID']),
    fieldCase('setAvatar', 'input.image', 'HTML, base64', Buffer.from('<html><script>alert(1)</script></html>').toString('base64'), ['INVALID']),
    fieldCase('setAvatar', 'input.image', 'a data: URL rather than base64', `data:image/png;base64,${PNG}`, ['INVALID']),
    fieldCase('setAvatar', 'input.image', 'base64 with line breaks', PNG.replace(/(.{20})/g, '$1\n'), ['INVALID']),
    fieldCase('setAvatar', 'input.image', 'an empty string', '', ['REQUIRED']),
    // The type is read from the bytes and served with nosniff: markup after a PNG header stays an image.
    storedCase('setAvatar', 'input.image', 'a PNG followed by a script (polyglot)', pngPolyglot, { contentType: 'image/png', image: pngPolyglot }),
  ],
  requestVerification: [...corpus('requestVerification', 'input.statement', text(20, 2000, true), { wrap: inStatement }), ...corpus('requestVerification', 'input.cohort', 'slug')],
  decideVerification: [
    ...corpus('decideVerification', 'input.requestId', 'requestId', { idTyped: true }),
    ...corpus('decideVerification', 'input.reason', text(3, 1000, true)),
    coercion('decideVerification', 'input.approve', 'a string for a boolean', 'true'),
    coercion('decideVerification', 'input.approve', 'a number for a boolean', 1),
    coercion('decideVerification', 'input.approve', 'null for a required boolean', null),
    coercion('decideVerification', 'input.approve', 'an operator object for a boolean', { $ne: null }),
  ],
  changeRole: [
    ...corpus('changeRole', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('changeRole', 'input.expertId', 'expertGlobalId', { wrap: (h) => globalId('Expert', h.value), labelPrefix: 'an Expert ID whose key is ' }).filter((c) => typeof c.value === 'string'),
    ...corpus('changeRole', 'input.reason', text(3, 500)),
    coercion('changeRole', 'input.role', 'a lower-case role', 'admin'),
    coercion('changeRole', 'input.role', 'an unknown role', 'SUPERADMIN'),
    coercion('changeRole', 'input.role', 'an operator object for the role', { $ne: null }),
    coercion('changeRole', 'input.role', 'a number for the role', 0),
    errorCase('changeRole', 'input.expertId', 'a Place ID for an expert', globalId('Place', 'da-nang'), ['BAD_USER_INPUT'], undefined, 'B4'),
  ],
  suspendExpert: [
    ...corpus('suspendExpert', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('suspendExpert', 'input.reason', text(3, 500)),
    errorCase('suspendExpert', 'input.expertId', 'a Place ID for an expert', globalId('Place', 'da-nang'), ['BAD_USER_INPUT'], undefined, 'B4'),
    fieldCase('suspendExpert', 'input.until', 'year 1', '0001-01-01T00:00:00.000Z', ['INVALID']),
    errorCase('suspendExpert', 'input.until', 'the earliest date JavaScript has', '-271821-04-20T00:00:00.000Z', ['BAD_USER_INPUT']),
    fieldCase('suspendExpert', 'input.until', 'the Unix epoch', '1970-01-01T00:00:00.000Z', ['INVALID']),
    fieldCase('suspendExpert', 'input.until', 'a minute ago', new Date(Date.now() - 60_000).toISOString(), ['INVALID']),
    fieldCase('suspendExpert', 'input.until', '3,651 days from now', new Date(Date.now() + 3651 * DAY).toISOString(), ['INVALID']),
    fieldCase('suspendExpert', 'input.until', 'year 9999', '9999-12-31T23:59:59.999Z', ['INVALID']),
    errorCase('suspendExpert', 'input.until', 'the latest date JavaScript has', '+275760-09-13T00:00:00.000Z', ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'past the latest date JavaScript has', '+275761-01-01T00:00:00.000Z', ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'an empty string', '', ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a word', 'tomorrow', ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a number (1e12 ms)', 1e12, ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a negative number', -1, ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'an operator object', { $gt: '' }, ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a boolean', true, ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a date followed by NUL', '2030-01-01T00:00:00Z\u0000', ['BAD_USER_INPUT'], undefined, 'B7'),
    errorCase('suspendExpert', 'input.until', 'an impossible date (30 February)', '2030-02-30T00:00:00Z', ['BAD_USER_INPUT'], undefined, 'B7'),
    errorCase('suspendExpert', 'input.until', 'an RFC 2822 date', 'Tue, 01 Jan 2030 00:00:00 GMT', ['BAD_USER_INPUT'], undefined, 'B7'),
    errorCase('suspendExpert', 'input.until', 'a locale date (01/02/2030)', '01/02/2030', ['BAD_USER_INPUT'], undefined, 'B7'),
    errorCase('suspendExpert', 'input.until', 'a date without a time zone', '2030-01-01T00:00:00', ['BAD_USER_INPUT'], undefined, 'B7'),
    // A control: a valid date is stored as sent, so the dates above are refused for what they are.
    storedCase('suspendExpert', 'input.until', 'a valid date a week ahead (control)', inSevenDays()),
  ],
  unsuspendExpert: [
    ...corpus('unsuspendExpert', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('unsuspendExpert', 'input.reason', text(3, 500)),
    errorCase('unsuspendExpert', 'input.expertId', 'a Place ID for an expert', globalId('Place', 'da-nang'), ['BAD_USER_INPUT'], undefined, 'B4'),
  ],
  endSession: [...corpus('endSession', 'input.sessionId', 'sessionId', { idTyped: true })],

  // Issue 13: the working group's tools.
  setGroupMember: [
    ...corpus('setGroupMember', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('setGroupMember', 'input.expertId', 'expertGlobalId', { wrap: (h) => globalId('Expert', h.value), labelPrefix: 'an Expert ID whose key is ' }).filter((c) => typeof c.value === 'string'),
    ...corpus('setGroupMember', 'input.group', 'slug'),
    coercion('setGroupMember', 'input.role', 'a lower-case role', 'lead'),
    coercion('setGroupMember', 'input.role', 'an operator object for the role', { $ne: null }),
    errorCase('setGroupMember', 'input.expertId', 'a Place ID for an expert', globalId('Place', 'da-nang'), ['BAD_USER_INPUT']),
  ],
  removeGroupMember: [
    ...corpus('removeGroupMember', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('removeGroupMember', 'input.expertId', 'expertGlobalId', { wrap: (h) => globalId('Expert', h.value), labelPrefix: 'an Expert ID whose key is ' }).filter(
      (c) => typeof c.value === 'string',
    ),
    ...corpus('removeGroupMember', 'input.group', 'slug'),
  ],
  createThread: [...corpus('createThread', 'input.group', 'slug')],
  proposeTask: [
    ...corpus('proposeTask', 'input.group', 'slug'),
    ...corpus('proposeTask', 'input.title', text(5, 200)),
    ...corpus('proposeTask', 'input.description', text(1, 20_000, true)),
    ...corpus('proposeTask', 'input.rationale', text(0, 2000, true)),
  ],
  createTask: [
    ...corpus('createTask', 'input.group', 'slug'),
    ...corpus('createTask', 'input.title', text(5, 200)),
    ...corpus('createTask', 'input.description', text(0, 20_000, true)),
    ...corpus('createTask', 'input.responsibleGroup', 'slug'),
    ...corpus('createTask', 'input.responsibleExpertId', 'rawGlobalId', { idTyped: true }),
    ...dueDays('createTask'),
  ],
  declineProposal: [
    ...corpus('declineProposal', 'input.proposalId', 'rawGlobalId', { idTyped: true }),
    ...corpus('declineProposal', 'input.proposalId', 'expertGlobalId', { wrap: (h) => globalId('Proposal', h.value), labelPrefix: 'a Proposal ID whose key is ' }).filter(
      (c) => typeof c.value === 'string',
    ),
    ...corpus('declineProposal', 'input.reason', text(1, 1000, true)),
    coercion('declineProposal', 'input.version', 'a fraction for the version', 1.5),
    coercion('declineProposal', 'input.version', 'a string for the version', '1'),
    coercion('declineProposal', 'input.version', 'past the largest Int', 2 ** 31),
    errorCase('declineProposal', 'input.proposalId', 'a Task ID for a proposal', globalId('Task', '0'.repeat(24)), ['BAD_USER_INPUT']),
  ],
  addTaskNote: [
    ...corpus('addTaskNote', 'input.taskId', 'rawGlobalId', { idTyped: true }),
    ...corpus('addTaskNote', 'input.taskId', 'expertGlobalId', { wrap: (h) => globalId('Task', h.value), labelPrefix: 'a Task ID whose key is ' }).filter((c) => typeof c.value === 'string'),
    ...corpus('addTaskNote', 'input.body', text(1, 20_000, true)),
  ],
  addTaskLink: [
    ...corpus('addTaskLink', 'input.url', 'url', { wrap: inUrl }),
    ...corpus('addTaskLink', 'input.title', text(0, 200)),
    fieldCase('addTaskLink', 'input.url', 'javascript: URL', 'javascript:alert(1)', ['INVALID']),
    fieldCase('addTaskLink', 'input.url', 'data: URL with a script', 'data:text/html,<script>alert(1)</script>', ['INVALID']),
    fieldCase('addTaskLink', 'input.url', 'URL with credentials', 'https://admin:secret@example.vn/', ['INVALID']),
    storedCase('addTaskLink', 'input.url', 'https URL carrying markup', 'https://example.vn/"><script>alert(1)</script>'),
  ],
  submitHelpdeskRequest: [
    ...corpus('submitHelpdeskRequest', 'input.organization', 'slug'),
    ...corpus('submitHelpdeskRequest', 'input.title', text(10, 200)),
    ...corpus('submitHelpdeskRequest', 'input.body', text(0, 20_000, true)),
    ...corpus('submitHelpdeskRequest', 'input.place', 'slug'),
    ...corpus('submitHelpdeskRequest', 'input.topics.0', 'slug'),
  ],
  acceptProposal: [
    ...corpus('acceptProposal', 'input.proposalId', 'rawGlobalId', { idTyped: true }),
    ...corpus('acceptProposal', 'input.responsibleGroup', 'slug'),
    ...corpus('acceptProposal', 'input.responsibleExpertId', 'rawGlobalId', { idTyped: true }),
    ...dueDays('acceptProposal'),
    coercion('acceptProposal', 'input.version', 'a fraction for the version', 1.5),
  ],
  updateTask: [
    ...corpus('updateTask', 'input.taskId', 'rawGlobalId', { idTyped: true }),
    ...corpus('updateTask', 'input.title', text(5, 200)),
    ...corpus('updateTask', 'input.description', text(0, 20_000, true)),
    ...corpus('updateTask', 'input.responsibleGroup', 'slug'),
    ...dueDays('updateTask'),
    coercion('updateTask', 'input.version', 'a fraction for the version', 1.5),
  ],
  setTaskStatus: [
    ...corpus('setTaskStatus', 'input.reason', text(0, 1000, true)),
    coercion('setTaskStatus', 'input.status', 'a lower-case status', 'dropped'),
    coercion('setTaskStatus', 'input.status', 'an operator object for the status', { $ne: null }),
  ],
  updateHelpdeskSettings: [
    ...refusedAs(corpus('updateHelpdeskSettings', 'input.holidays.0', 'slug'), ['INVALID']),
    fieldCase('updateHelpdeskSettings', 'input.holidays.0', 'an impossible day (30 February)', '2027-02-30', ['INVALID']),
    fieldCase('updateHelpdeskSettings', 'input.holidays', '201 holidays', Array(201).fill('2027-01-01'), ['TOO_LONG']),
    fieldCase('updateHelpdeskSettings', 'input.openings', '29 openings', Array(29).fill({ weekday: 1, opensAt: 480, closesAt: 1020 }), ['TOO_LONG']),
    fieldCase('updateHelpdeskSettings', 'input.openings.0.weekday', 'weekday 0', 0, ['INVALID']),
    fieldCase('updateHelpdeskSettings', 'input.openings.0.weekday', 'weekday 8', 8, ['INVALID']),
    fieldCase('updateHelpdeskSettings', 'input.openings.0.opensAt', 'a minute before midnight', -1, ['INVALID']),
    fieldCase('updateHelpdeskSettings', 'input.openings.0.closesAt', 'past the day’s end', 24 * 60 + 1, ['INVALID']),
    fieldCase('updateHelpdeskSettings', 'input.openings.0.closesAt', 'closing before opening', 400, ['INVALID']),
    fieldCase('updateHelpdeskSettings', 'input.firstResponseTargetHours', 'no time at all', 0, ['TOO_SMALL']),
    fieldCase('updateHelpdeskSettings', 'input.firstResponseTargetHours', 'a negative target', -8, ['TOO_SMALL']),
    fieldCase('updateHelpdeskSettings', 'input.resolutionTargetHours', '1e300 hours', 1e300, ['TOO_LARGE']),
    coercion('updateHelpdeskSettings', 'input.openings.0.weekday', 'a fraction for a weekday', 1.5),
    coercion('updateHelpdeskSettings', 'input.firstResponseTargetHours', 'a string for hours', '8'),
    storedCase('updateHelpdeskSettings', 'input.holidays', 'the same holiday twice, unsorted (control)', ['2027-02-01', '2027-01-01', '2027-02-01'], ['2027-01-01', '2027-02-01']),
  ],
  setProgrammeReporter: [
    ...corpus('setProgrammeReporter', 'input.organization', 'slug'),
    ...corpus('setProgrammeReporter', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('setProgrammeReporter', 'input.expertId', 'expertGlobalId', { wrap: (h) => globalId('Expert', h.value), labelPrefix: 'an Expert ID whose key is ' }).filter(
      (c) => typeof c.value === 'string',
    ),
  ],
  updateProgrammeFramework: [
    ...corpus('updateProgrammeFramework', 'input.id', 'requestId'),
    ...corpus('updateProgrammeFramework', 'input.title', text(3, 300)),
    ...corpus('updateProgrammeFramework', 'input.criteria.0.title', text(3, 300)),
    ...corpus('updateProgrammeFramework', 'input.criteria.0.titleEn', text(0, 300)),
    ...refusedAs(corpus('updateProgrammeFramework', 'input.criteria.0.code', 'slug'), ['INVALID', 'TOO_LONG']),
    ...refusedAs(corpus('updateProgrammeFramework', 'input.criteria.0.target', 'slug'), ['NOT_A_NUMBER', 'TOO_LONG']),
    ...refusedAs(corpus('updateProgrammeFramework', 'input.criteria.0.deadline', 'slug'), ['INVALID']),
    fieldCase('updateProgrammeFramework', 'input.criteria', '61 criteria', Array(61).fill({ code: 'CT02', title: 'Tiêu chí', unit: 'PERCENT', target: '50', level: 'BOTH' }), ['TOO_LONG']),
    coercion('updateProgrammeFramework', 'input.criteria.0.unit', 'an unknown unit', 'MONEY'),
  ],
  saveProgrammeReport: [
    ...corpus('saveProgrammeReport', 'input.organization', 'slug'),
    ...refusedAs(corpus('saveProgrammeReport', 'input.period', 'slug'), ['INVALID']),
    ...corpus('saveProgrammeReport', 'input.comment', text(0, 2000, true)),
    ...corpus('saveProgrammeReport', 'input.entries.0.comment', text(0, 1000, true)),
    ...refusedAs(corpus('saveProgrammeReport', 'input.entries.0.criterion', 'slug'), ['UNKNOWN', 'TOO_LONG']),
    ...refusedAs(corpus('saveProgrammeReport', 'input.entries.0.value', 'slug'), ['NOT_A_NUMBER', 'TOO_LONG']),
    ...refusedAs(corpus('saveProgrammeReport', 'input.entries.0.evidence.0', 'url', { wrap: inUrl }), ['INVALID', 'TOO_LONG', 'NOT_HTTPS']),
    fieldCase('saveProgrammeReport', 'input.entries.0.evidence.0', 'http URL', 'http://example.vn/bao-cao', ['NOT_HTTPS']),
    fieldCase('saveProgrammeReport', 'input.entries.0.evidence.0', 'javascript: URL', 'javascript:alert(1)', ['INVALID', 'NOT_HTTPS']),
    fieldCase('saveProgrammeReport', 'input.entries.0.value', 'a percent over 100', '100.5', ['OUT_OF_RANGE']),
    fieldCase('saveProgrammeReport', 'input.entries.0.value', 'a negative percent', '-1', ['OUT_OF_RANGE']),
    fieldCase('saveProgrammeReport', 'input.entries.0.value', 'Infinity', 'Infinity', ['NOT_A_NUMBER']),
    fieldCase('saveProgrammeReport', 'input.entries.0.value', 'NaN', 'NaN', ['NOT_A_NUMBER']),
    fieldCase('saveProgrammeReport', 'input.entries', '61 entries', Array(61).fill({ criterion: 'CT01', value: '85' }), ['TOO_LONG']),
    fieldCase('saveProgrammeReport', 'input.entries.0.evidence', '6 links', Array(6).fill('https://example.vn/a'), ['TOO_LONG']),
    fieldCase('saveProgrammeReport', 'input.period', 'a half-year far ahead', '2099-H1', ['IN_FUTURE']),
    fieldCase('saveProgrammeReport', 'input.period', 'a third half-year', '2026-H3', ['INVALID']),
    fieldCase('saveProgrammeReport', 'input.revision', 'a negative revision', -1, ['INVALID']),
    coercion('saveProgrammeReport', 'input.revision', 'a fraction for the revision', 0.5),
    coercion('saveProgrammeReport', 'input.entries.0.status', 'an unknown status', 'APPROVED'),
    storedCase('saveProgrammeReport', 'input.entries.0.value', 'a percent with a decimal comma (control)', '85,5', '85.5'),
  ],
  createProgrammeFramework: [
    ...corpus('createProgrammeFramework', 'input.code', 'slug'),
    ...corpus('createProgrammeFramework', 'input.title', text(3, 300)),
    ...corpus('createProgrammeFramework', 'input.description', text(0, 2000, true)),
    ...corpus('createProgrammeFramework', 'input.source', text(0, 300)),
    ...corpus('createProgrammeFramework', 'input.copyFrom', 'requestId'),
    ...refusedAs(corpus('createProgrammeFramework', 'input.validFrom', 'slug'), ['INVALID', 'TOO_LONG']),
    fieldCase('createProgrammeFramework', 'input.validFrom', 'an impossible day (30 February)', '2027-02-30', ['INVALID']),
    fieldCase('createProgrammeFramework', 'input.validTo', 'an end before the start', '2026-12-31', ['BEFORE_START']),
  ],
  updateEnterpriseProfile: [
    ...corpus('updateEnterpriseProfile', 'input.organization', 'slug'),
    ...corpus('updateEnterpriseProfile', 'input.description', text(0, 800, true)),
    ...corpus('updateEnterpriseProfile', 'input.descriptionEn', text(0, 800, true)),
    ...corpus('updateEnterpriseProfile', 'input.website', 'url', { wrap: inUrl }),
    ...corpus('updateEnterpriseProfile', 'input.contactHandle', 'slug'),
    fieldCase('updateEnterpriseProfile', 'input.website', 'javascript: URL', 'javascript:alert(1)', ['INVALID']),
    storedCase('updateEnterpriseProfile', 'input.website', 'https URL carrying markup', 'https://example.vn/"><script>alert(1)</script>'),
  ],

  // The help desk after a request is asked, and its FAQ.
  triageHelpdeskRequest: [
    ...corpus('triageHelpdeskRequest', 'input.assigneeId', 'rawGlobalId', { idTyped: true }),
    fieldCase('triageHelpdeskRequest', 'input.group', 'operator "$gt" for the group', '$gt', ['INVALID']),
    coercion('triageHelpdeskRequest', 'input.group', 'an operator object for the group', { $ne: null }),
    coercion('triageHelpdeskRequest', 'input.version', 'an operator object for the version', { $gt: 0 }),
  ],
  closeHelpdeskRequest: [
    ...corpus('closeHelpdeskRequest', 'input.requestId', 'rawGlobalId', { idTyped: true }),
    errorCase('closeHelpdeskRequest', 'input.requestId', 'a Task ID for a request', globalId('Task', '0'.repeat(24)), ['BAD_USER_INPUT']),
    coercion('closeHelpdeskRequest', 'input.version', 'a fraction for the version', 1.5),
    coercion('closeHelpdeskRequest', 'input.version', 'a string for the version', '1'),
  ],
  reopenHelpdeskRequest: [
    ...corpus('reopenHelpdeskRequest', 'input.requestId', 'expertGlobalId', {
      wrap: (h) => globalId('HelpdeskRequest', h.value),
      labelPrefix: 'a HelpdeskRequest ID whose key is ',
    }).filter((c) => typeof c.value === 'string'),
    ...corpus('reopenHelpdeskRequest', 'input.reason', text(3, 1000, true)),
    coercion('reopenHelpdeskRequest', 'input.version', 'a fraction for the version', 1.5),
    storedCase('reopenHelpdeskRequest', 'input.reason', 'a reason on two lines (control)', 'Chưa rõ thời hạn.\nXin nêu văn bản.'),
  ],
  publishFaqEntry: [
    // A reply's own id (not a global ID): the service's validator judges it.
    ...corpus('publishFaqEntry', 'input.answerId', 'requestId', { idTyped: true }),
    errorCase('publishFaqEntry', 'input.requestId', 'an FAQ entry ID for a request', globalId('HelpdeskFaqEntry', '0'.repeat(24)), ['BAD_USER_INPUT']),
  ],
  updateFaqEntry: [
    ...corpus('updateFaqEntry', 'input.title', text(5, 200)),
    ...corpus('updateFaqEntry', 'input.question', text(0, 20_000, true)),
    ...corpus('updateFaqEntry', 'input.answer', text(1, 20_000, true)),
    fieldCase('updateFaqEntry', 'input.answer', 'an empty answer', '', ['REQUIRED']),
    coercion('updateFaqEntry', 'input.version', 'a fraction for the version', 1.5),
    coercion('updateFaqEntry', 'input.version', 'null for a required version', null),
    storedCase('updateFaqEntry', 'input.answer', 'Markdown with a link (control)', 'Xem [hướng dẫn](https://example.vn/lgsp).'),
  ],
  unpublishFaqEntry: [...corpus('unpublishFaqEntry', 'input.id', 'rawGlobalId', { idTyped: true })],
  removeTaskLink: [
    ...corpus('removeTaskLink', 'input.linkId', 'requestId'),
    errorCase('removeTaskLink', 'input.taskId', 'a Proposal ID for a task', globalId('Proposal', '0'.repeat(24)), ['BAD_USER_INPUT']),
    coercion('removeTaskLink', 'input.taskId', 'an operator object for the task', { $ne: null }),
  ],
  activateProgrammeFramework: [...corpus('activateProgrammeFramework', 'input.id', 'requestId')],
  removeProgrammeReporter: [
    ...corpus('removeProgrammeReporter', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    fieldCase('removeProgrammeReporter', 'input.organization', 'operator "$gt" for the organisation', '$gt', ['INVALID']),
    coercion('removeProgrammeReporter', 'input.organization', 'an operator object for the organisation', { $ne: null }),
  ],
  submitProgrammeReport: [
    ...refusedAs(corpus('submitProgrammeReport', 'input.period', 'slug'), ['INVALID']),
    fieldCase('submitProgrammeReport', 'input.period', 'a half-year far ahead', '2099-H1', ['IN_FUTURE']),
    fieldCase('submitProgrammeReport', 'input.revision', 'revision 0 (no draft has it)', 0, ['INVALID']),
    coercion('submitProgrammeReport', 'input.revision', 'a fraction for the revision', 1.5),
    coercion('submitProgrammeReport', 'input.organization', 'an operator object for the organisation', { $ne: null }),
  ],
  reviseProgrammeReport: [
    fieldCase('reviseProgrammeReport', 'input.period', 'a third half-year', '2026-H3', ['INVALID']),
    fieldCase('reviseProgrammeReport', 'input.period', 'a period followed by NUL', '2026-H2\u0000', ['INVALID']),
    fieldCase('reviseProgrammeReport', 'input.period', '1 MiB', MiB, ['INVALID']),
    fieldCase('reviseProgrammeReport', 'input.organization', 'operator "$gt" for the organisation', '$gt', ['INVALID']),
    fieldCase('reviseProgrammeReport', 'input.organization', '1 MiB', MiB, ['INVALID', 'TOO_LONG']),
    coercion('reviseProgrammeReport', 'input.period', 'an operator object for the period', { $gt: '' }),
  ],
  linkEnterprisePractice: [
    ...corpus('linkEnterprisePractice', 'input.role', text(2, 120)),
    ...corpus('linkEnterprisePractice', 'input.practiceId', 'rawGlobalId', { idTyped: true }),
    storedCase('linkEnterprisePractice', 'input.role', 'a part in Vietnamese (control)', 'Cung cấp nền tảng LGSP'),
  ],
  unlinkEnterprisePractice: [
    fieldCase('unlinkEnterprisePractice', 'input.enterprise', 'operator "$gt" for the enterprise', '$gt', ['INVALID']),
    fieldCase('unlinkEnterprisePractice', 'input.enterprise', '1 MiB', MiB, ['INVALID', 'TOO_LONG']),
    coercion('unlinkEnterprisePractice', 'input.enterprise', 'an operator object for the enterprise', { $ne: null }),
    errorCase('unlinkEnterprisePractice', 'input.practiceId', 'a Task ID for a practice', globalId('Task', '0'.repeat(24)), ['BAD_USER_INPUT']),
  ],
};

describe.each(Object.entries(MUTATION_CASES))('mutation %s', (_op, cases) => {
  it.each(cases.map((c) => ({ ...c, title: title(c) })))('$title', (c) => runCase(c, false));
});

describeAftermath(Object.values(MUTATION_CASES).flat());
