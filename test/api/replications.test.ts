import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { Replication } from '../../schema/replication/model.ts';
import { globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

type Who = 'author' | 'adopter' | 'colleague' | 'unverified' | 'agency' | 'curator' | null;
const cookies = {} as Record<Exclude<Who, null>, string>;
const ids = {} as Record<Exclude<Who, null>, string>;

beforeAll(async () => {
  await createReferenceData();
  const make = async (who: Exclude<Who, null>, organization: string, extra: Record<string, unknown> = {}) => {
    const expert = await createExpert({ handle: `nguoi.${who}`, name: `Người ${who}`, organization });
    await Expert.updateOne({ _id: expert._id }, { $set: { verifiedAt: new Date('2024-01-01'), ...extra } });
    ids[who] = String(expert._id);
    cookies[who] = await sessionCookieFor(ids[who]);
  };
  await make('author', 'cuc-cds');
  await make('adopter', 'so-khcn-da-nang');
  await make('colleague', 'so-khcn-da-nang');
  await make('unverified', 'so-khcn-da-nang', { verifiedAt: null });
  await make('agency', 'cuc-cds');
  await make('curator', 'bo-khcn', { role: 'curator' });
});
beforeEach(() => resetRateLimits());

const as = (who: Who) => (who ? { cookie: cookies[who] } : {});
const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const FIELDS = `id year month changes result version viewerCanChange organization { slug } place { code } recordedBy { handle }`;

let serial = 0;
/** A published practice of the Cục Chuyển đổi số quốc gia in Hà Nội. */
async function publishedPractice(fields: Record<string, unknown> = {}) {
  const practice = await Practice.create({
    title: `Cách làm nhân rộng ${++serial}`,
    authors: [ids.author],
    organization: 'cuc-cds',
    place: 'ha-noi',
    status: 'published',
    publishedAt: new Date(),
    version: 1,
    ...fields,
  });
  return String(practice._id);
}

async function mutate(name: string, input: Record<string, unknown>, who: Who) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const selection = name === 'removeReplication' ? 'practice { replicationCount }' : `replication { ${FIELDS} }`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { ${selection} } } }`, { input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data[name];
}

const adoption = (practice: string, fields: Record<string, unknown> = {}) => ({
  practiceId: globalId('Practice', practice),
  organization: 'so-khcn-da-nang',
  place: 'da-nang',
  year: 2025,
  month: 9,
  changes: 'Dùng nền tảng tích hợp của thành phố thay cho LGSP riêng',
  result: 'Giảm 40% hồ sơ giấy sau sáu tháng',
  ...fields,
});
const recordAs = (who: Who, practice: string, fields: Record<string, unknown> = {}) => mutate('recordReplication', adoption(practice, fields), who);

async function readPractice(practice: string, who: Who = null) {
  const response = await graphql(`query ($id: ID!) { practice(id: $id) { replicationCount viewerMayRecordReplication replications { ${FIELDS} } } }`, { id: globalId('Practice', practice) }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data.practice;
}
const placeCount = async (code: string) => (await graphql(`query ($code: String!) { place(code: $code) { replicationCount } }`, { code })).data.place.replicationCount as number;

describe('Replication', () => {
  it('is recorded by a verified member of the adopting organisation and listed on the practice for everyone, latest adoption first', async () => {
    const practice = await publishedPractice();
    const first = await recordAs('adopter', practice, { year: 2024, month: 3 });
    expect(first.__typename).toBe('RecordReplicationPayload');
    expect(first.replication).toMatchObject({
      year: 2024,
      month: 3,
      organization: { slug: 'so-khcn-da-nang' },
      place: { code: 'da-nang' },
      recordedBy: { handle: 'nguoi.adopter' },
      version: 1,
      viewerCanChange: true,
    });
    // A ministry's member records for their ministry from a unit of it (the Cục is under the Bộ)… but not for the Cục, whose practice it is.
    await Practice.updateOne({ _id: practice }, { $set: { organization: 'so-khcn-da-nang' } });
    expect((await recordAs('agency', practice, { organization: 'bo-khcn', place: 'ha-noi', year: 2025, month: 1 })).__typename).toBe('RecordReplicationPayload');
    const read = await readPractice(practice);
    expect(read.replicationCount).toBe(2);
    expect(read.replications.map((r: { organization: { slug: string } }) => r.organization.slug)).toEqual(['bo-khcn', 'so-khcn-da-nang']);
    expect(read.replications[0].viewerCanChange).toBe(false);
    expect(read.viewerMayRecordReplication).toBe(false);
    expect((await readPractice(practice, 'adopter')).viewerMayRecordReplication).toBe(true);
  });

  it('is refused to the practice’s own organisation, its units and the bodies merged into it', async () => {
    const practice = await publishedPractice({ organization: 'bo-khcn' });
    for (const organization of ['bo-khcn', 'cuc-cds']) {
      const refused = await recordAs('curator', practice, { organization });
      expect(refused.fieldErrors).toEqual([{ path: 'organization', code: 'OWN_PRACTICE' }]);
    }
    expect(await Replication.countDocuments({ practice })).toBe(0);
  });

  it('is refused to anyone who does not speak for the organisation: signed out, unverified, or verified elsewhere; a curator records on its behalf', async () => {
    const practice = await publishedPractice();
    expect((await recordAs(null, practice)).code).toBe('NOT_AUTHORIZED');
    expect((await recordAs('unverified', practice)).code).toBe('NOT_AUTHORIZED');
    expect((await recordAs('agency', practice, { organization: 'so-khcn-da-nang' })).code).toBe('NOT_AUTHORIZED');
    expect(await Replication.countDocuments({ practice })).toBe(0);
    const byCurator = await recordAs('curator', practice);
    expect(byCurator.replication.recordedBy.handle).toBe('nguoi.curator');
  });

  it('counts once when one organisation records twice, even when its members press at the same instant', async () => {
    const practice = await publishedPractice();
    expect((await recordAs('adopter', practice)).__typename).toBe('RecordReplicationPayload');
    const again = await recordAs('colleague', practice, { changes: 'Một lần nữa, cùng đơn vị' });
    expect(again.fieldErrors).toEqual([{ path: 'organization', code: 'TAKEN' }]);

    const racing = await publishedPractice();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => recordAs(i % 2 ? 'adopter' : 'colleague', racing)));
    expect(results.filter((r) => r.__typename === 'RecordReplicationPayload')).toHaveLength(1);
    expect(results.filter((r) => r.__typename !== 'RecordReplicationPayload').every((r) => r.fieldErrors?.[0]?.code === 'TAKEN')).toBe(true);
    expect((await readPractice(racing)).replicationCount).toBe(1);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const practice = await publishedPractice();
    const now = new Date();
    const nextMonth = now.getUTCMonth() === 11 ? { year: now.getUTCFullYear() + 1, month: 1 } : { year: now.getUTCFullYear(), month: now.getUTCMonth() + 2 };
    const cases: [Record<string, unknown>, string, string][] = [
      [nextMonth, 'month', 'IN_FUTURE'],
      [{ month: 13 }, 'month', 'INVALID'],
      [{ year: 1999 }, 'year', 'INVALID'],
      [{ place: 'quang-nam' }, 'place', 'UNKNOWN'],
      [{ place: 'atlantis' }, 'place', 'UNKNOWN'],
      [{ organization: 'so-tttt-quang-nam' }, 'organization', 'FORMER'],
      [{ organization: 'khong-co' }, 'organization', 'UNKNOWN'],
      [{ changes: 'ngắn' }, 'changes', 'TOO_SHORT'],
      [{ changes: 'x'.repeat(601) }, 'changes', 'TOO_LONG'],
      [{ result: `a\u0000b` }, 'result', 'INVALID'],
    ];
    for (const [fields, path, code] of cases) {
      const refused = await recordAs('adopter', practice, fields);
      expect(refused.fieldErrors, JSON.stringify(fields)).toContainEqual({ path, code });
    }
    expect(await Replication.countDocuments({ practice })).toBe(0);
  });

  it('cannot be added to a practice that is not published, and vanishes from every read when its practice stops being published', async () => {
    const draft = String((await Practice.create({ title: 'Bản nháp riêng', authors: [ids.author], status: 'submitted' }))._id);
    expect((await recordAs('adopter', draft)).code).toBe('NOT_FOUND');

    const practice = await publishedPractice({ place: 'da-nang' });
    const recorded = (await recordAs('adopter', practice)).replication;
    expect(await placeCount('da-nang')).toBeGreaterThanOrEqual(1);
    const before = await placeCount('da-nang');
    await Practice.updateOne({ _id: practice }, { $set: { status: 'returned' } });
    const read = await readPractice(practice, 'author');
    expect(read).toMatchObject({ replicationCount: 0, replications: [], viewerMayRecordReplication: false });
    expect(await placeCount('da-nang')).toBe(before - 1);
    const node = await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: recorded.id });
    expect(node.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await mutate('updateReplication', { id: recorded.id, version: 1, result: 'Sửa khi đã ẩn' }, 'adopter')).code).toBe('NOT_FOUND');
  });

  it('is edited by its recorder or a curator with the version read; a stale version gets CONFLICT and changes nothing', async () => {
    const practice = await publishedPractice();
    const { id } = (await recordAs('adopter', practice)).replication;
    const edited = await mutate('updateReplication', { id, version: 1, result: 'Giảm 55% hồ sơ giấy sau một năm' }, 'adopter');
    expect(edited.replication).toMatchObject({ version: 2, result: 'Giảm 55% hồ sơ giấy sau một năm', changes: 'Dùng nền tảng tích hợp của thành phố thay cho LGSP riêng' });
    const stale = await mutate('updateReplication', { id, version: 1, result: 'Bản cũ ghi đè' }, 'curator');
    expect(stale.code).toBe('CONFLICT');
    expect((await mutate('updateReplication', { id, version: 2, month: 10 }, 'curator')).replication).toMatchObject({ version: 3, month: 10 });
    expect((await mutate('updateReplication', { id, version: 3, result: 'Không phải của tôi' }, 'colleague')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('updateReplication', { id, version: 3, place: 'quang-nam' }, 'adopter')).fieldErrors).toEqual([{ path: 'place', code: 'UNKNOWN' }]);
    const stored = await Replication.findById(`${practice}:so-khcn-da-nang`).lean();
    expect(stored).toMatchObject({ version: 3, month: 10, place: 'da-nang', result: 'Giảm 55% hồ sơ giấy sau một năm' });
  });

  it('is removed by its recorder, or by a curator, whose removal of someone else’s is audited', async () => {
    const practice = await publishedPractice();
    const own = (await recordAs('adopter', practice)).replication;
    expect((await mutate('removeReplication', { id: own.id }, 'colleague')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('removeReplication', { id: own.id }, 'adopter')).practice.replicationCount).toBe(0);
    expect(await AuditEntry.countDocuments({ action: 'replication.removed' })).toBe(0);

    const again = (await recordAs('adopter', practice)).replication;
    expect((await mutate('removeReplication', { id: again.id }, 'curator')).practice.replicationCount).toBe(0);
    const entries = await AuditEntry.find({ action: 'replication.removed' }).lean();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ to: 'so-khcn-da-nang' });
    expect(String(entries[0]!.actor)).toBe(ids.curator);
    expect(String(entries[0]!.subject)).toBe(ids.adopter);
    expect(String(entries[0]!.practice)).toBe(practice);
    expect((await mutate('removeReplication', { id: again.id }, 'curator')).code).toBe('NOT_FOUND');
  });
});

describe('Public practice page', () => {
  it('lists the replications with JavaScript off, their text escaped', async () => {
    const { practicePage } = await import('../../server/public/practice-page.ts');
    const practice = await publishedPractice();
    expect((await practicePage(practice, 'http://localhost/'))!.body).not.toContain('Đã được nhân rộng');
    expect((await recordAs('adopter', practice, { changes: 'Thêm <script>alert(1)</script> cho cấp xã', result: 'Giảm 30% thời gian' })).__typename).toBe('RecordReplicationPayload');
    const body = (await practicePage(practice, 'http://localhost/'))!.body;
    expect(body).toContain('Đã được nhân rộng (1 nơi)');
    expect(body).toContain('Sở Khoa học và Công nghệ Đà Nẵng');
    expect(body).toContain('Đà Nẵng · tháng 9/2025');
    expect(body).toContain('Giảm 30% thời gian');
    expect(body).toContain('&lt;script&gt;');
    expect(body).not.toContain('<script>alert');
  });
});

describe('Place.replicationCount', () => {
  it('counts adoptions of published practices in a current unit and in the provinces merged into it', async () => {
    const base = { da: await placeCount('da-nang'), hn: await placeCount('ha-noi'), qn: await placeCount('quang-nam') };
    const practice = await publishedPractice();
    await recordAs('adopter', practice);
    // Recorded before the 2025 merger, under Quảng Nam: Đà Nẵng's tally includes it.
    await Replication.create({ practice, organization: 'so-tttt-quang-nam', place: 'quang-nam', year: 2023, month: 5, changes: 'Triển khai ở Quảng Nam trước sáp nhập', recordedBy: ids.curator });
    expect(await placeCount('da-nang')).toBe(base.da + 2);
    expect(await placeCount('quang-nam')).toBe(base.qn + 1);
    expect(await placeCount('ha-noi')).toBe(base.hn);
  });
});

describe('Replication batching', () => {
  it('reads a page of practices’ replications, counts and their references in as many commands for 6 practices as for 2', async () => {
    for (let i = 0; i < 6; i++) {
      const practice = await publishedPractice({ publishedAt: new Date(Date.now() + 60_000 * (i + 1)) });
      await recordAs('adopter', practice);
      await recordAs('curator', practice, { organization: 'bo-khcn', place: 'ha-noi' });
    }
    const query = `query ($n: Int) { practices(first: $n) { edges { node { replicationCount replications { organization { name } place { name } recordedBy { name } practice { title } } } } } }`;
    const run = async (n: number) => {
      commandLog.reset();
      const response = await graphql(query, { n }, as('adopter'));
      expect(response.errors).toBeUndefined();
      const nodes = response.data.practices.edges.map((e: { node: { replicationCount: number; replications: unknown[] } }) => e.node);
      expect(nodes.every((node: { replicationCount: number; replications: unknown[] }) => node.replicationCount === 2 && node.replications.length === 2)).toBe(true);
      return commandLog.commands.length;
    };
    await run(2);
    expect(await run(6)).toBe(await run(2));
  });
});

describe('Demo replications', () => {
  it('each passes the API’s rules: a published demo practice, a current organisation other than its own in a current place, recorded by a verified member of it', async () => {
    const { readFileSync } = await import('node:fs');
    const { recordReplicationInput } = await import('../../schema/replication/service.ts');
    const read = (file: string) => JSON.parse(readFileSync(new URL(`../../seeds/data/${file}`, import.meta.url), 'utf8'));
    const practices = new Map(read('practices.json').map((p: { key: string }) => [p.key, p]));
    const organizations = new Map(read('organizations.json').map((o: { slug: string }) => [o.slug, o]));
    const places = new Map(read('places.json').map((p: { code: string }) => [p.code, p]));
    const experts = new Map(read('experts.json').map((e: { handle: string }) => [e.handle, e]));
    const replications = read('replications.json');
    expect(replications.length).toBeGreaterThanOrEqual(6);
    // A province's model adopted by at least two others.
    const perPractice = new Map<string, number>();
    for (const r of replications) perPractice.set(r.practice, (perPractice.get(r.practice) ?? 0) + 1);
    expect(Math.max(...perPractice.values())).toBeGreaterThanOrEqual(2);
    for (const r of replications) {
      const practice = practices.get(r.practice) as { organization: string; publishedAt: string | null } | undefined;
      const organization = organizations.get(r.organization) as { current: boolean } | undefined;
      const recorder = experts.get(r.recordedBy) as { organization: string; cohorts: string[] } | undefined;
      expect(practice?.publishedAt, r.practice).toBeTruthy();
      expect(organization?.current, r.organization).toBe(true);
      expect(r.organization).not.toBe(practice!.organization);
      expect((places.get(r.place) as { current: boolean } | undefined)?.current, r.place).toBe(true);
      expect(recorder?.organization, r.recordedBy).toBe(r.organization);
      expect(recorder!.cohorts.length, `${r.recordedBy} is verified`).toBeGreaterThan(0);
      expect(recordReplicationInput.safeParse({ ...r, practiceId: 'a'.repeat(24) }).success, JSON.stringify(r)).toBe(true);
    }
  });
});
