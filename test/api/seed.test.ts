import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, loadReferenceData } from '../../seeds/load.ts';
import { repairCounters } from '../../schema/counters.ts';
import { Reply } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

beforeAll(async () => {
  await loadReferenceData();
  await loadDemoData();
});

describe('Reference data', () => {
  it('lists the 34 provincial units in force, of which 6 are cities', async () => {
    const { data } = await graphql(`{ places { code kind current } }`);
    expect(data.places).toHaveLength(34);
    expect(data.places.filter((p: any) => p.kind === 'CITY')).toHaveLength(6);
    expect(data.places.every((p: any) => p.current)).toBe(true);
  });

  it('keeps the 63 pre-2025 provinces, each merged one pointing to its successor', async () => {
    const { data } = await graphql(`{ places(includeFormer: true) { code current successor { code } } }`);
    expect(data.places).toHaveLength(63);
    const merged = data.places.filter((p: any) => !p.current);
    expect(merged).toHaveLength(29);
    expect(merged.every((p: any) => p.successor)).toBe(true);
  });

  it('shows the provinces a unit absorbed in 2025', async () => {
    const { data } = await graphql(`{ place(code: "ho-chi-minh") { name predecessors { name } } }`);
    expect(data.place.predecessors.map((p: any) => p.name).sort()).toEqual(['Bà Rịa – Vũng Tàu', 'Bình Dương'].sort());
  });

  it('lists the 14 ministries and 3 ministry-level agencies of the government in force', async () => {
    const { data } = await graphql(`{ organizations(first: 50, filter: { kinds: [MINISTRY, MINISTRY_AGENCY] }) { totalCount edges { node { name kind } } } }`);
    const kinds = data.organizations.edges.map((e: any) => e.node.kind);
    expect(kinds.filter((k: string) => k === 'MINISTRY')).toHaveLength(14);
    expect(kinds.filter((k: string) => k === 'MINISTRY_AGENCY')).toHaveLength(3);
  });
});

describe('Demo dataset', () => {
  it('holds at least 150 people in at least 30 places', async () => {
    const { data } = await graphql(`{ experts(first: 1) { totalCount } places(includeFormer: true) { code } }`);
    expect(data.experts.totalCount).toBeGreaterThanOrEqual(150);
    let withPeople = 0;
    for (const { code } of data.places) {
      const response = await graphql(`query ($code: String!) { experts(first: 0, filter: { place: $code }) { totalCount } }`, { code });
      if (response.data.experts.totalCount > 0) withPeople++;
    }
    expect(withPeople).toBeGreaterThanOrEqual(30);
  });

  it('has people in every ministry and ministry-level agency', async () => {
    const { data } = await graphql(`{ organizations(first: 50, filter: { kinds: [MINISTRY, MINISTRY_AGENCY] }) { edges { node { slug name } } } }`);
    for (const { node } of data.organizations.edges) {
      const response = await graphql(`query ($org: String!) { experts(first: 0, filter: { organization: $org }) { totalCount } }`, { org: node.slug });
      expect(response.data.experts.totalCount, node.name).toBeGreaterThan(0);
    }
  });
});

describe('Demo content', () => {
  it('holds the good practices and the discussions with their replies and accepted answers', async () => {
    const someone = await Expert.findOne({ handle: 'ha.ltt' }).lean();
    const cookie = await sessionCookieFor(String(someone!._id));
    const { data } = await graphql(`{ practices(first: 1) { totalCount } questions: threads(first: 1, filter: { kind: QUESTION }) { totalCount } discussions: threads(first: 1, filter: { kind: DISCUSSION }) { totalCount } unanswered: threads(first: 1, filter: { unanswered: true }) { totalCount } }`, {}, { cookie });
    expect(data.practices.totalCount).toBeGreaterThanOrEqual(150);
    expect(data.questions.totalCount + data.discussions.totalCount).toBeGreaterThanOrEqual(200);
    expect(data.unanswered.totalCount).toBeLessThan(data.questions.totalCount * 0.7);
    expect(await Reply.estimatedDocumentCount()).toBeGreaterThanOrEqual(1500);
  });

  it('gives the demo people endorsements and follows, with counters the repair routine agrees with', async () => {
    const someone = await Expert.findOne({ handle: 'ha.ltt' }).lean();
    const cookie = await sessionCookieFor(String(someone!._id));
    const { data } = await graphql(`{ practices(first: 50) { edges { node { endorsementCount } } } myFollows(first: 1) { totalCount } followUpdates(first: 5) { edges { node { kind } } } }`, {}, { cookie });
    expect(data.practices.edges.every((e: any) => e.node.endorsementCount >= 2)).toBe(true);
    expect(data.myFollows.totalCount).toBeGreaterThanOrEqual(3);
    expect(data.followUpdates.edges).toHaveLength(5);
    expect(await repairCounters()).toEqual({ endorsements: 0, replies: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 });
  });
});

describe('Seeding', () => {
  it('writes nothing when run again over the same data', async () => {
    commandLog.reset();
    const reports = [...(await loadReferenceData()), ...(await loadDemoData())];
    expect(reports.every((r) => r.inserted === 0 && r.updated === 0)).toBe(true);
    expect(commandLog.commands.filter((c) => c !== 'find' && c !== 'getMore')).toEqual([]);
  });
});
