// The demo's work of the working group (seeds/data/tasks.json): tasks in every status and proposals waiting, accepted and declined.
import { readFileSync } from 'node:fs';
import { RENDERER_VERSION, renderMarkdown } from '../schema/markdown/render.ts';
import { Proposal, Task, TaskNote } from '../schema/task/model.ts';
import { endOfDueDay, vietnamToday } from '../schema/task/service.ts';
import { demoExpertId, demoThreadId, stableId } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

interface LinkRecord {
  kind: 'practice' | 'thread' | 'document';
  practice?: string;
  thread?: string;
  url?: string;
  title?: string;
  by: string;
  on: string;
}

export interface TaskRecord {
  key: string;
  group: string;
  title: string;
  description: string;
  /** A member's handle, or "group:<slug>". */
  responsible: string;
  dueOn: string;
  status: 'open' | 'in_progress' | 'done' | 'dropped';
  dropReason?: string;
  createdBy: string;
  createdOn: string;
  closedOn?: string;
  proposal?: string;
  notes: { author: string; on: string; body: string }[];
  links: LinkRecord[];
}

export interface ProposalRecord {
  key: string;
  group: string;
  proposer: string;
  title: string;
  description: string;
  rationale: string;
  on: string;
  status: 'proposed' | 'accepted' | 'declined';
  decidedBy?: string;
  decidedOn?: string;
  declineReason?: string;
  task?: string;
}

interface TasksData {
  /** The day the data's dates were written for: a load moves them all by the days since, so the demo looks current. */
  asOf: string;
  tasks: TaskRecord[];
  proposals: ProposalRecord[];
}

export const readTasksData = (): TasksData => JSON.parse(readFileSync(new URL('./data/tasks.json', import.meta.url), 'utf8'));

const DAY = 86_400_000;

/** Adds the demo tasks (each with its notes) and proposals that are missing, or puts them back as shipped with `reset`. */
export async function loadDemoTasks(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const data = readTasksData();
  const shift = Math.round((Date.parse(vietnamToday()) - Date.parse(data.asOf)) / DAY);
  const day = (value: string) => new Date(Date.parse(value) + shift * DAY).toISOString().slice(0, 10);
  // Working hours in Vietnam (09:00) on the shifted day.
  const at = (value: string) => new Date(Date.parse(`${day(value)}T02:00:00Z`));
  const taskUnits: DemoUnit[] = data.tasks.map((t) => {
    const _id = stableId('task', t.key);
    const dueOn = day(t.dueOn);
    const notes = t.notes.map((n, i) => ({
      _id: stableId('task-note', `${t.key}/${i}`),
      task: _id,
      author: demoExpertId(n.author),
      body: n.body,
      bodyHtml: renderMarkdown(n.body),
      bodyVersion: RENDERER_VERSION,
      createdAt: at(n.on),
      updatedAt: at(n.on),
    }));
    const links = t.links.map((l, i) => ({
      _id: stableId('task-link', `${t.key}/${i}`),
      kind: l.kind,
      target: l.practice ? stableId('practice', l.practice) : l.thread ? demoThreadId(l.thread) : null,
      url: l.url ?? '',
      title: l.title ?? '',
      addedBy: demoExpertId(l.by),
      addedAt: at(l.on),
    }));
    const byGroup = t.responsible.startsWith('group:');
    return {
      head: {
        _id,
        group: t.group,
        title: t.title,
        description: t.description,
        descriptionHtml: renderMarkdown(t.description),
        descriptionVersion: RENDERER_VERSION,
        responsibleExpert: byGroup ? null : demoExpertId(t.responsible),
        responsibleGroup: byGroup ? t.responsible.slice('group:'.length) : null,
        dueOn,
        dueAt: endOfDueDay(dueOn),
        status: t.status,
        dropReason: t.dropReason ?? '',
        closedAt: t.closedOn ? at(t.closedOn) : null,
        proposal: t.proposal ? stableId('proposal', t.proposal) : null,
        createdBy: demoExpertId(t.createdBy),
        links,
        version: 1,
        createdAt: at(t.createdOn),
        updatedAt: at(t.closedOn ?? t.createdOn),
      },
      parts: [[TaskNote, notes]],
    };
  });
  const proposalUnits: DemoUnit[] = data.proposals.map((p) => ({
    head: {
      _id: stableId('proposal', p.key),
      group: p.group,
      proposer: demoExpertId(p.proposer),
      title: p.title,
      description: p.description,
      descriptionHtml: renderMarkdown(p.description),
      descriptionVersion: RENDERER_VERSION,
      rationale: p.rationale,
      status: p.status,
      decidedBy: p.decidedBy ? demoExpertId(p.decidedBy) : null,
      decidedAt: p.decidedOn ? at(p.decidedOn) : null,
      declineReason: p.declineReason ?? '',
      task: p.task ? stableId('task', p.task) : null,
      version: 1,
      createdAt: at(p.on),
      updatedAt: at(p.decidedOn ?? p.on),
    },
    parts: [],
  }));
  const load = options.reset ? resetUnits : addMissingUnits;
  return [...(await load(Task, taskUnits)), ...(await load(Proposal, proposalUnits))];
}
