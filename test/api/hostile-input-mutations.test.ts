import { describe, it } from 'vitest';
import { type Case, coercion, corpus, errorCase, fieldCase, type Hostile, type Kind, storedCase, title } from '../helpers/hostile-corpus.ts';
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
};

describe.each(Object.entries(MUTATION_CASES))('mutation %s', (_op, cases) => {
  it.each(cases.map((c) => ({ ...c, title: title(c) })))('$title', (c) => runCase(c, false));
});

describeAftermath(Object.values(MUTATION_CASES).flat());
