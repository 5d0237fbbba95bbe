import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { neighboursOf } from '../../schema/expert/province-neighbours.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Place } from '../../schema/place/model.ts';
import places from '../../seeds/data/places.json' with { type: 'json' };
import { DAY, globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

const ids: Record<string, string> = {};
let viewerCookie = '';

const SUGGESTED = `query ($first: Int) { suggestedExperts(first: $first) { expert { handle } reasons { kind topics { slug } place { code } cohorts { slug } } } }`;
const SIMILAR = `query ($handle: String!) { expert(handle: $handle) { similarExperts(first: 10) { expert { handle } reasons { kind place { code } } } } }`;
const FOLLOW_EXPERT = `mutation ($id: ID!) { followExpert(input: { id: $id, following: true }) { __typename } }`;
const FOLLOW_TOPIC = `mutation ($topic: String!) { followTopic(input: { topic: $topic, following: true }) { __typename } }`;

async function person(handle: string, fields: Parameters<typeof createExpert>[0] = {}) {
  ids[handle] = String((await createExpert({ handle, specialties: [], cohorts: [], place: 'ha-noi', organization: 'cuc-cds', ...fields }))._id);
  return ids[handle]!;
}
const suggested = async (first = 20) => (await graphql(SUGGESTED, { first }, { cookie: viewerCookie })).data.suggestedExperts;
const handlesOf = (list: any[]) => list.map((s) => s.expert.handle);
const reasonsOf = (list: any[], handle: string) => list.find((s) => s.expert.handle === handle)?.reasons;

beforeAll(async () => {
  await createReferenceData();
  await Place.insertMany([
    { _id: 'quang-ninh', name: 'Quảng Ninh', fullName: 'Tỉnh Quảng Ninh', kind: 'province', region: 'north', current: true, order: 10 },
    { _id: 'hai-phong', name: 'Hải Phòng', fullName: 'Thành phố Hải Phòng', kind: 'city', region: 'north', current: true, predecessors: ['hai-duong'], order: 12 },
    { _id: 'hai-duong', name: 'Hải Dương', fullName: 'Tỉnh Hải Dương', kind: 'province', region: 'north', current: false, successor: 'hai-phong', order: 40 },
  ]);
  const me = await person('toi', { place: 'quang-ninh', specialties: ['an-toan-thong-tin'], cohorts: ['cds-500-2023'] });
  viewerCookie = await sessionCookieFor(me);
  await person('dong-nghiep', { place: 'quang-ninh', specialties: ['an-toan-thong-tin'] });
  await person('lang-gieng', { place: 'hai-phong', specialties: ['du-lieu-so'] });
  await person('hai-duong-cu', { place: 'hai-duong' });
  await person('cung-khoa', { cohorts: ['cds-500-2023'] });
  await person('xa-la', { specialties: ['du-lieu-so'] });
  await person('nguoi-hoi');
  await person('nguoi-tra-loi', { specialties: ['du-lieu-so'] });
  // Share everything with the viewer, but are never suggested.
  await person('da-theo-doi', { place: 'quang-ninh', specialties: ['an-toan-thong-tin'], cohorts: ['cds-500-2023'] });
  await person('bi-dinh-chi', { place: 'quang-ninh', specialties: ['an-toan-thong-tin'], cohorts: ['cds-500-2023'] });
  await Expert.updateOne({ _id: ids['bi-dinh-chi'] }, { $set: { suspendedUntil: new Date(Date.now() + 30 * DAY) } });
  await graphql(FOLLOW_EXPERT, { id: globalId('Expert', ids['da-theo-doi']!) }, { cookie: viewerCookie });

  const question = await Thread.create({ kind: 'question', title: 'Chuẩn hoá dữ liệu dân cư?', author: ids['nguoi-hoi'], lastActivityAt: new Date(), topics: ['du-lieu-so'] });
  await Reply.create({ thread: question._id, author: ids['nguoi-tra-loi'], depth: 0, body: 'Dùng bộ mã định danh chung.' });
});
beforeEach(() => resetRateLimits());

describe('Province neighbours', () => {
  it('knows the 34 current units and that Quảng Ninh borders Hải Phòng but not Hà Nội, both ways', () => {
    const current = places.filter((p) => p.current).map((p) => p.code);
    expect(current).toHaveLength(34);
    for (const code of current) {
      expect(neighboursOf(code).length, code).toBeGreaterThan(0);
      for (const other of neighboursOf(code)) {
        expect(current, `${code} → ${other}`).toContain(other);
        expect(neighboursOf(other), `${other} → ${code}`).toContain(code);
      }
    }
    expect(neighboursOf('quang-ninh')).toContain('hai-phong');
    expect(neighboursOf('hai-phong')).toContain('quang-ninh');
    expect(neighboursOf('quang-ninh')).not.toContain('ha-noi');
  });
});

describe('Suggested experts', () => {
  it('ranks people by what they share with the viewer and says why', async () => {
    const list = await suggested();
    expect(handlesOf(list)[0]).toBe('dong-nghiep');
    expect(reasonsOf(list, 'dong-nghiep')).toEqual([
      { kind: 'SPECIALTY', topics: [{ slug: 'an-toan-thong-tin' }], place: null, cohorts: [] },
      { kind: 'PLACE', topics: [], place: { code: 'quang-ninh' }, cohorts: [] },
    ]);
    expect(reasonsOf(list, 'lang-gieng')).toEqual([{ kind: 'NEIGHBOUR', topics: [], place: { code: 'hai-phong' }, cohorts: [] }]);
    // Recorded under a province merged into a neighbour: the neighbour it is now.
    expect(reasonsOf(list, 'hai-duong-cu')).toEqual([{ kind: 'NEIGHBOUR', topics: [], place: { code: 'hai-phong' }, cohorts: [] }]);
    expect(reasonsOf(list, 'cung-khoa')).toEqual([{ kind: 'COHORT', topics: [], place: null, cohorts: [{ slug: 'cds-500-2023' }] }]);
    expect(handlesOf(list)).not.toContain('xa-la');
    expect(handlesOf(list)).not.toContain('nguoi-tra-loi');
  });

  it('suggests who answered questions in a topic the viewer follows', async () => {
    await graphql(FOLLOW_TOPIC, { topic: 'du-lieu-so' }, { cookie: viewerCookie });
    const list = await suggested();
    expect(reasonsOf(list, 'nguoi-tra-loi')).toEqual([{ kind: 'ANSWERED', topics: [{ slug: 'du-lieu-so' }], place: null, cohorts: [] }]);
    expect(handlesOf(list)).not.toContain('nguoi-hoi');
  });

  it('never suggests the viewer, people they follow, blocked or who blocked them, or suspended people', async () => {
    expect(handlesOf(await suggested())).toEqual(expect.arrayContaining(['cung-khoa', 'dong-nghiep']));
    const BLOCK = `mutation ($id: ID!) { blockExpert(input: { expertId: $id }) { __typename } }`;
    const block = await graphql(BLOCK, { id: globalId('Expert', ids['cung-khoa']!) }, { cookie: viewerCookie });
    expect(block.data.blockExpert.__typename).toBe('BlockExpertPayload');
    // A colleague who blocked the viewer is not put forward to them either.
    const blockedBy = await graphql(BLOCK, { id: globalId('Expert', ids.toi!) }, { cookie: await sessionCookieFor(ids['dong-nghiep']!) });
    expect(blockedBy.data.blockExpert.__typename).toBe('BlockExpertPayload');
    const handles = handlesOf(await suggested());
    expect(handles).not.toContain('cung-khoa');
    expect(handles).not.toContain('dong-nghiep');
    expect(handles).not.toContain('toi');
    expect(handles).not.toContain('da-theo-doi');
    expect(handles).not.toContain('bi-dinh-chi');
  });

  it('shows an expert’s profile similar experts, never the expert or the viewer', async () => {
    const response = await graphql(SIMILAR, { handle: 'da-theo-doi' }, { cookie: viewerCookie });
    const handles = handlesOf(response.data.expert.similarExperts);
    expect(handles[0]).toBe('dong-nghiep');
    expect(handles).not.toContain('da-theo-doi');
    expect(handles).not.toContain('toi');
    expect(handles).not.toContain('bi-dinh-chi');
    expect((await graphql(SIMILAR, { handle: 'da-theo-doi' })).data.expert.similarExperts).toBeNull();
  });

  it('costs the same number of database commands with many more candidates', async () => {
    const count = async () => {
      commandLog.reset();
      await suggested();
      return commandLog.commands.length;
    };
    await count();
    const few = await count();
    for (let i = 0; i < 12; i++) await person(`ung-vien-${i}`, { place: 'quang-ninh', specialties: ['an-toan-thong-tin'] });
    const many = await count();
    expect(many).toBe(few);
    expect((await suggested(3)).length).toBe(3);
  });

  it('refuses a size out of range and signed-out visitors', async () => {
    for (const first of [0, -1, 21]) {
      expect((await graphql(SUGGESTED, { first }, { cookie: viewerCookie })).errors?.[0]?.extensions?.code, String(first)).toBe('BAD_USER_INPUT');
    }
    expect((await graphql(SUGGESTED, {})).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });
});
