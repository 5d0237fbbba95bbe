// The demo's help desk (seeds/data/helpdesk.json): ministries' and provinces' questions in every status, with measured times.
import { readFileSync } from 'node:fs';
import { Reply, Thread } from '../schema/discussion/model.ts';
import { Follow } from '../schema/follow/model.ts';
import { FaqEntry, HelpdeskRequest } from '../schema/helpdesk/model.ts';
import { organizationLabel } from '../schema/helpdesk/service.ts';
import { DEFAULT_CALENDAR, localDateOf, serviceHoursBetween } from '../schema/helpdesk/service-hours.ts';
import { renderMarkdown, RENDERER_VERSION } from '../schema/markdown/render.ts';
import { searchTokens } from '../schema/search/fold.ts';
import { vietnamToday } from '../schema/task/service.ts';
import { demoExpertId, readData, stableId, type OrganizationRecord, type PlaceRecord } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

interface HelpdeskRecord {
  key: string;
  asker: string;
  organization: string;
  anonymousInFaq: boolean;
  title: string;
  body: string;
  topics: string[];
  place: string | null;
  /** Vietnam wall-clock times, e.g. "2026-12-01T09:30". */
  openedAt: string;
  triage?: { by: string; at: string; group: string; assignee: string };
  replies: { key: string; author: string; at: string; body: string }[];
  accepted: string | null;
  closedAt?: string;
  closedBy?: string;
  reopened?: { at: string; reason: string };
  faq?: { by: string; at: string };
}

const WEEK = 7 * 86_400_000;

/**
 * Adds the demo's help-desk requests that are missing (or puts them back with `reset`): each a
 * unit of its question thread, its answers, its FAQ entry and the request. The times move by
 * whole weeks from the data's `asOf` to this week, so each keeps its weekday and its service hours.
 */
export async function loadDemoHelpdesk(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const data = JSON.parse(readFileSync(new URL('./data/helpdesk.json', import.meta.url), 'utf8')) as { asOf: string; requests: HelpdeskRecord[] };
  const shift = Math.round((Date.parse(vietnamToday()) - Date.parse(data.asOf)) / WEEK) * WEEK;
  const at = (local: string) => new Date(Date.parse(`${local}:00+07:00`) + shift);
  const organizations = new Map(readData<OrganizationRecord>('organizations.json').map((o) => [o.slug, o]));
  const places = new Map(readData<PlaceRecord>('places.json').map((p) => [p.code, p]));
  const hours = (from: Date, to: Date) => Math.round(serviceHoursBetween(DEFAULT_CALENDAR, from.getTime(), to.getTime()) * 100) / 100;

  const units: DemoUnit[] = data.requests.map((r) => {
    const threadId = stableId('thread', r.key);
    const replyId = (key: string) => stableId('reply', `${r.key}/${key}`);
    const openedAt = at(r.openedAt);
    const replies = r.replies.map((reply) => ({
      _id: replyId(reply.key),
      thread: threadId,
      parent: null,
      depth: 0,
      author: demoExpertId(reply.author),
      body: reply.body,
      bodyHtml: renderMarkdown(reply.body),
      bodyVersion: RENDERER_VERSION,
      mentions: [],
      editCount: 0,
      deleted: false,
      voteCount: 0,
      createdAt: at(reply.at),
      updatedAt: at(reply.at),
    }));
    const last = replies.at(-1)?.createdAt ?? openedAt;
    const thread = {
      _id: threadId,
      kind: 'question',
      title: r.title,
      body: r.body,
      bodyHtml: renderMarkdown(r.body),
      bodyVersion: RENDERER_VERSION,
      editCount: 0,
      author: demoExpertId(r.asker),
      topics: r.topics,
      place: r.place,
      locked: false,
      acceptedReply: r.accepted ? replyId(r.accepted) : null,
      replyCount: replies.length,
      lastActivityAt: last,
      searchTokens: searchTokens(`${r.title} ${r.body}`),
      mentions: [],
      createdAt: openedAt,
      updatedAt: last,
    };
    const follows = [r.asker, ...r.replies.map((reply) => reply.author)]
      .filter((who, i, all) => all.indexOf(who) === i)
      .map((who) => ({ follower: demoExpertId(who), kind: 'thread', target: String(threadId), createdAt: openedAt }));
    const history: Record<string, unknown>[] = [{ kind: 'opened', actor: demoExpertId(r.asker), at: openedAt, group: null, assignee: null, reason: '' }];
    const triagedAt = r.triage ? at(r.triage.at) : null;
    if (r.triage) history.push({ kind: 'triaged', actor: demoExpertId(r.triage.by), at: triagedAt, group: r.triage.group, assignee: demoExpertId(r.triage.assignee), reason: '' });
    // The group's first answer answers it.
    const answer = r.triage ? r.replies.find((reply) => reply.author === r.triage!.assignee) : undefined;
    const firstResponseAt = answer ? at(answer.at) : null;
    if (answer) history.push({ kind: 'answered', actor: demoExpertId(answer.author), at: firstResponseAt, group: null, assignee: null, reason: '' });
    const closedAt = r.closedAt ? at(r.closedAt) : null;
    if (closedAt) history.push({ kind: 'closed', actor: demoExpertId(r.closedBy ?? r.asker), at: closedAt, group: null, assignee: null, reason: '' });
    if (r.reopened) history.push({ kind: 'reopened', actor: demoExpertId(r.asker), at: at(r.reopened.at), group: null, assignee: null, reason: r.reopened.reason });
    const status = closedAt ? 'closed' : r.reopened ? 'assigned' : answer ? 'answered' : r.triage ? 'assigned' : 'new';
    const request = {
      _id: String(threadId),
      asker: demoExpertId(r.asker),
      organization: r.organization,
      anonymousInFaq: r.anonymousInFaq,
      status,
      group: r.triage?.group ?? null,
      assignee: r.triage ? demoExpertId(r.triage.assignee) : null,
      openedAt,
      month: localDateOf(DEFAULT_CALENDAR, openedAt.getTime()).slice(0, 7),
      triagedAt,
      firstResponseAt,
      answeredAt: status === 'answered' || status === 'closed' ? firstResponseAt : null,
      closedAt,
      firstResponseHours: firstResponseAt ? hours(openedAt, firstResponseAt) : null,
      resolutionHours: closedAt ? hours(openedAt, closedAt) : null,
      reopenCount: r.reopened ? 1 : 0,
      version: history.length,
      history,
      createdAt: openedAt,
      updatedAt: history.at(-1)!.at,
    };
    const faq: Record<string, unknown>[] = [];
    const accepted = r.replies.find((reply) => reply.key === r.accepted);
    if (r.faq && accepted) {
      const organization = organizations.get(r.organization)!;
      const place = organization.place ? places.get(organization.place) : undefined;
      const label = organizationLabel(organization, r.anonymousInFaq, place ? [place.name, place.fullName] : []);
      faq.push({
        _id: String(threadId),
        title: r.title,
        question: r.body,
        questionHtml: renderMarkdown(r.body),
        answer: accepted.body,
        answerHtml: renderMarkdown(accepted.body),
        answerReply: replyId(accepted.key),
        topics: r.topics,
        organizationLabel: label.vi,
        organizationLabelEn: label.en,
        anonymous: r.anonymousInFaq,
        searchTokens: searchTokens(`${r.title} ${r.body} ${accepted.body}`),
        publishedAt: at(r.faq.at),
        publishedBy: demoExpertId(r.faq.by),
        version: 1,
      });
    }
    return {
      head: request,
      parts: [
        [Thread, [thread]],
        [Reply, replies],
        [Follow, follows],
        [FaqEntry, faq],
      ],
    };
  });
  return options.reset ? resetUnits(HelpdeskRequest, units) : addMissingUnits(HelpdeskRequest, units);
}
