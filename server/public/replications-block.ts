import { expertsByIds } from '../../schema/expert/service.ts';
import { organizationsBySlugs } from '../../schema/organization/service.ts';
import { placesByCodes } from '../../schema/place/service.ts';
import type { PracticeDoc } from '../../schema/practice/service.ts';
import { replicationsOfPractices } from '../../schema/replication/service.ts';
import { escapeText } from './page.ts';

/**
 * The "Đã được nhân rộng" section of a published practice's public page: where it was adopted,
 * when, what changed and what came of it, latest first; empty when nobody recorded one.
 */
export async function replicationsBlock(practice: PracticeDoc): Promise<string> {
  const [replications = []] = await replicationsOfPractices([String(practice._id)]);
  if (!replications.length) return '';
  const [organizations, places, recorders] = await Promise.all([
    organizationsBySlugs(replications.map((r) => r.organization)),
    placesByCodes(replications.map((r) => r.place)),
    expertsByIds(replications.map((r) => String(r.recordedBy))),
  ]);
  const nameOf = <T extends { _id: unknown; name: string }>(found: T[], key: unknown) => found.find((doc) => String(doc._id) === String(key))?.name ?? String(key);
  const items = replications.map((r) => {
    const facts = [`<dt>Điều chỉnh khi áp dụng</dt><dd>${escapeText(r.changes)}</dd>`, r.result ? `<dt>Kết quả</dt><dd>${escapeText(r.result)}</dd>` : ''].join('');
    const where = `${escapeText(nameOf(places, r.place))} · tháng ${r.month}/${r.year}`;
    return `<li><h3>${escapeText(nameOf(organizations, r.organization))}</h3><p>${where}</p><dl>${facts}</dl><p>Ghi nhận bởi ${escapeText(nameOf(recorders, r.recordedBy))}</p></li>`;
  });
  return `<section id="replications"><h2>Đã được nhân rộng (${replications.length} nơi)</h2><ul>${items.join('')}</ul></section>`;
}
