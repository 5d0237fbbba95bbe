import { organizationsBySlugs } from '../../schema/organization/service.ts';
import { placesByCodes } from '../../schema/place/service.ts';
import { findReadablePractice } from '../../schema/practice/service.ts';
import { topicsBySlugs } from '../../schema/topic/service.ts';
import { escapeText, plainSummary, publicOrNull, SITE_NAME, type PageHead } from './page.ts';

const SECTIONS = [
  ['problemHtml', 'Vấn đề'],
  ['solutionHtml', 'Giải pháp'],
  ['resultsHtml', 'Kết quả'],
  ['lessonsHtml', 'Bài học kinh nghiệm'],
] as const;

/**
 * A published practice's page for readers without JavaScript and link previews: its title,
 * organisation, place, topics, summary and the stored sanitised HTML of its sections (never
 * rendered here). Null when an anonymous reader may not see it.
 */
export async function practicePage(id: string, url: string): Promise<PageHead | null> {
  const practice = await publicOrNull(findReadablePractice(null, id));
  if (!practice) return null;
  const [[organization], [place], topics] = await Promise.all([
    practice.organization ? organizationsBySlugs([practice.organization]) : [],
    practice.place ? placesByCodes([practice.place]) : [],
    topicsBySlugs(practice.topics),
  ]);
  const where = [organization?.name, place?.name].filter(Boolean).join(' · ');
  const sections = SECTIONS.filter(([field]) => practice[field]).map(([field, heading]) => `<section><h2>${heading}</h2>${practice[field]}</section>`);
  const body = [
    '<main class="public-page"><article>',
    `<h1>${escapeText(practice.title)}</h1>`,
    where ? `<p class="public-page-where">${escapeText(where)}</p>` : '',
    topics.length ? `<p class="public-page-topics">${topics.map((t) => escapeText(t.name)).join(', ')}</p>` : '',
    practice.summary ? `<p class="public-page-summary">${escapeText(practice.summary)}</p>` : '',
    ...sections,
    '</article></main>',
  ].join('');
  const description = plainSummary(practice.summary || [practice.title, where].filter(Boolean).join(', '));
  return { title: `${practice.title} | ${SITE_NAME}`, description, url, type: 'article', body };
}
