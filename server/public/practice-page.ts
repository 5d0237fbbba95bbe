import { expertsByIds } from '../../schema/expert/service.ts';
import { organizationsBySlugs } from '../../schema/organization/service.ts';
import { placesByCodes } from '../../schema/place/service.ts';
import { findReadablePractice, type PracticeDoc } from '../../schema/practice/service.ts';
import { topicsBySlugs } from '../../schema/topic/service.ts';
import { escapeText, plainSummary, publicOrNull, SITE_NAME, type PageHead } from './page.ts';
import { replicationsBlock } from './replications-block.ts';

const SECTIONS = [
  ['problemHtml', 'Vấn đề'],
  ['solutionHtml', 'Giải pháp'],
  ['resultsHtml', 'Kết quả'],
  ['lessonsHtml', 'Bài học kinh nghiệm'],
] as const;

/** The reuse record's words, Vietnamese as the page is (the web app's are in web/src/i18n). */
const LEVELS = { ministry: 'Bộ, ngành', province: 'Tỉnh, thành phố', commune: 'Xã, phường' } as const;
const COST_BANDS = {
  'under-500m': 'Dưới 500 triệu đồng',
  'from-500m-to-2b': 'Từ 500 triệu đến 2 tỷ đồng',
  'from-2b-to-10b': 'Từ 2 đến 10 tỷ đồng',
  'over-10b': 'Trên 10 tỷ đồng',
  undisclosed: 'Không công bố',
} as const;

/** The "Tái sử dụng" section: what another ministry or province needs to follow the practice; empty when the authors told none of it. */
function reuseSection(practice: PracticeDoc, contact: { name: string; handle: string } | null): string {
  const facts = [
    practice.level ? ['Cấp chính quyền', escapeText(LEVELS[practice.level])] : null,
    practice.costBand ? ['Kinh phí', escapeText(COST_BANDS[practice.costBand])] : null,
    practice.beneficiaries ? ['Đối tượng hưởng lợi', escapeText(practice.beneficiaries)] : null,
    practice.partners?.length ? ['Đối tác, doanh nghiệp tham gia', practice.partners.map((name) => escapeText(name)).join(', ')] : null,
    contact ? ['Người liên hệ', `<a href="/experts/${encodeURIComponent(contact.handle)}">${escapeText(contact.name)}</a>`] : null,
  ].filter((fact): fact is string[] => fact !== null);
  const texts = [
    practice.challengesHtml ? `<h3>Khó khăn và điều chưa thành công</h3>${practice.challengesHtml}` : '',
    practice.conditionsHtml ? `<h3>Điều kiện để nhân rộng</h3>${practice.conditionsHtml}` : '',
  ].join('');
  if (!facts.length && !texts) return '';
  const list = facts.length ? `<dl>${facts.map(([term, detail]) => `<dt>${term}</dt><dd>${detail}</dd>`).join('')}</dl>` : '';
  return `<section><h2>Tái sử dụng</h2>${list}${texts}</section>`;
}

/**
 * A published practice's page for readers without JavaScript and link previews: its title,
 * organisation, place, topics, summary, the stored sanitised HTML of its sections (never
 * rendered here) and its reuse record. Null when an anonymous reader may not see it.
 */
export async function practicePage(id: string, url: string): Promise<PageHead | null> {
  const practice = await publicOrNull(findReadablePractice(null, id));
  if (!practice) return null;
  const [[organization], [place], topics, [contact]] = await Promise.all([
    practice.organization ? organizationsBySlugs([practice.organization]) : [],
    practice.place ? placesByCodes([practice.place]) : [],
    topicsBySlugs(practice.topics),
    practice.contact ? expertsByIds([String(practice.contact)]) : [],
  ]);
  const where = [organization?.name, place?.name].filter(Boolean).join(' · ');
  const sections = SECTIONS.filter(([field]) => practice[field]).map(([field, heading]) => `<section><h2>${heading}</h2>${practice[field]}</section>`);
  const adopted = await replicationsBlock(practice);
  const body = [
    '<main class="public-page"><article>',
    `<h1>${escapeText(practice.title)}</h1>`,
    where ? `<p class="public-page-where">${escapeText(where)}</p>` : '',
    topics.length ? `<p class="public-page-topics">${topics.map((t) => escapeText(t.name)).join(', ')}</p>` : '',
    practice.summary ? `<p class="public-page-summary">${escapeText(practice.summary)}</p>` : '',
    ...sections,
    reuseSection(practice, contact ?? null),
    adopted,
    '</article></main>',
  ].join('');
  const description = plainSummary(practice.summary || [practice.title, where].filter(Boolean).join(', '));
  return { title: `${practice.title} | ${SITE_NAME}`, description, url, type: 'article', body };
}
