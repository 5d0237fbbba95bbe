// A demo practice's case record as stored: the same for the published ones and those in review.
import { RENDERER_VERSION, renderMarkdown } from '../schema/markdown/render.ts';
import { practiceSearchTokens } from '../schema/practice/service.ts';
import { demoExpertId, type PracticeRecord } from './records.ts';

type CaseRecord = Omit<PracticeRecord, 'links' | 'publishedAt' | 'featured'>;

/** The fields an author writes, with the markdown stored rendered as every write does (the demo is small: rendered here, before serving). */
export function caseRecordFields(p: CaseRecord) {
  return {
    title: p.title,
    summary: p.summary,
    problem: p.problem,
    solution: p.solution,
    results: p.results,
    lessons: p.lessons,
    problemHtml: renderMarkdown(p.problem),
    solutionHtml: renderMarkdown(p.solution),
    resultsHtml: renderMarkdown(p.results),
    lessonsHtml: renderMarkdown(p.lessons),
    challenges: p.challenges ?? '',
    conditions: p.conditions ?? '',
    challengesHtml: renderMarkdown(p.challenges ?? ''),
    conditionsHtml: renderMarkdown(p.conditions ?? ''),
    htmlVersion: RENDERER_VERSION,
    level: p.level ?? null,
    partners: p.partners ?? [],
    costBand: p.costBand ?? null,
    beneficiaries: p.beneficiaries ?? '',
    contact: p.contact ? demoExpertId(p.contact) : null,
    organization: p.organization,
    place: p.place,
    topics: p.topics,
    stage: p.stage,
    year: p.year,
    authors: p.authors.map(demoExpertId),
    searchTokens: practiceSearchTokens(p),
  };
}
