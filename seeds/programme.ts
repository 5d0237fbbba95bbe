// The demo programme: Resolution 17/NQ-CP's e-government targets, paraphrased and labelled as demonstration
// data (seeds/data/programme-frameworks.json), reporting members (programme-reporters.json), and
// two half-years of submitted reports from most provinces and several ministries, generated here.
import { createHash } from 'node:crypto';
import { ProgrammeFramework, ProgrammeReport, ProgrammeReporter, type CriterionUnit } from '../schema/programme/model.ts';
import { dayNumber, meetsTarget, parseValue } from '../schema/programme/values.ts';
import { demoExpertId, readOptionalData, stableId } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

interface FrameworkRecord {
  code: string;
  title: string;
  description: string;
  source: string;
  validFrom: string | null;
  validTo: string | null;
  activatedAt: string;
  criteria: { code: string; title: string; titleEn: string; unit: CriterionUnit; target: string; deadline: string | null; level: 'ministry' | 'province' | 'both' }[];
}

interface ReportersRecord {
  organization: string;
  /** Handles of demo people who belong to it. */
  reporters: string[];
}

/** The demo's reporting periods and when their reports came in (fixed: the demo is dated around December 2026). */
const PERIODS = [
  { period: '2025-H2', submittedAt: Date.parse('2026-01-20T03:00:00Z') },
  { period: '2026-H1', submittedAt: Date.parse('2026-07-17T03:00:00Z') },
];

/** A number in [0, 1) that is always the same for the same words. */
const unitInterval = (...words: string[]) => createHash('sha1').update(words.join('|')).digest().readUInt32BE(0) / 2 ** 32;

/** A plausible figure for the unit: near the target for a unit with a good record, further off for others, better in later periods. */
function demoValue(unit: CriterionUnit, target: string, maturity: number, step: number, noise: number): string {
  const progress = maturity + step * 0.08 + (noise - 0.5) * 0.3;
  switch (unit) {
    case 'percent':
      return String(Math.max(0, Math.min(100, Math.round(Number(target) * progress * 10) / 10)));
    case 'count':
      return String(Math.max(0, Math.round(Number(target) * progress)));
    case 'yes-no':
      return progress > 0.85 ? 'yes' : 'no';
    case 'date': {
      const day = dayNumber(target)! + Math.round((1 - progress) * 400);
      return new Date(day * 86_400_000).toISOString().slice(0, 10);
    }
  }
}

export async function loadDemoProgramme(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const frameworks = readOptionalData<FrameworkRecord>('programme-frameworks.json');
  const reporters = readOptionalData<ReportersRecord>('programme-reporters.json');
  if (!frameworks.length) return [];
  const framework = frameworks[0]!;
  const frameworkId = stableId('programme-framework', framework.code);
  const activatedAt = new Date(framework.activatedAt);
  const frameworkUnits: DemoUnit[] = frameworks.map((f) => ({
    head: {
      _id: stableId('programme-framework', f.code),
      code: f.code,
      title: f.title,
      description: f.description,
      source: f.source,
      validFrom: f.validFrom,
      validTo: f.validTo,
      status: 'active',
      criteria: f.criteria.map((c, order) => ({ ...c, order })),
      basedOn: null,
      revision: 1,
      activatedAt,
      retiredAt: null,
      createdBy: demoExpertId('tuantm'),
      createdAt: activatedAt,
      updatedAt: activatedAt,
    },
    parts: [],
  }));
  const reporterUnits: DemoUnit[] = reporters.flatMap((r) =>
    r.reporters.map((handle) => {
      const expert = demoExpertId(handle);
      return {
        head: {
          _id: String(new ProgrammeReporter({ organization: r.organization, expert })._id),
          organization: r.organization,
          expert,
          addedBy: demoExpertId('tuantm'),
          createdAt: activatedAt,
          updatedAt: activatedAt,
        },
        parts: [],
      };
    }),
  );

  // Most units report; a few have not yet, so the tables show gaps too.
  const reportUnits: DemoUnit[] = [];
  for (const r of reporters) {
    const level = r.organization.startsWith('so-') ? 'province' : 'ministry';
    const maturity = 0.55 + unitInterval('maturity', r.organization) * 0.6;
    const place = level === 'province' ? r.organization.replace(/^so-khcn-/, '') : null;
    PERIODS.forEach(({ period, submittedAt }, step) => {
      // Quảng Ninh (a pilot province) always reports, and corrected its latest report once: the history shows both versions.
      const corrected = r.organization === 'so-khcn-quang-ninh' && period === '2026-H1';
      const files = r.organization === 'so-khcn-quang-ninh' || unitInterval('files', r.organization, period) < (level === 'province' ? 0.85 : 0.55);
      if (!files) return;
      const entries = framework.criteria
        .filter((c) => c.level === 'both' || c.level === level)
        .flatMap((c) => {
          if (unitInterval('gap', r.organization, period, c.code) < 0.04) return [];
          const parsed = parseValue(c.unit, demoValue(c.unit, c.target, maturity, step, unitInterval('noise', r.organization, period, c.code)));
          if ('problem' in parsed) return [];
          const meets = meetsTarget(c.unit, c.target, parsed.number);
          const status = meets ? 'achieved' : maturity > 0.8 ? 'on-track' : parsed.number === 0 ? 'not-started' : 'at-risk';
          return [
            {
              criterion: c.code,
              value: parsed.value,
              number: parsed.number,
              status,
              evidence: [`https://baocao.demo.chuyengia.example/${r.organization}/${period}/${c.code.toLowerCase()}`],
              comment: '',
            },
          ];
        });
      const at = new Date(submittedAt + Math.round(unitInterval('day', r.organization, period) * 12) * 86_400_000);
      const author = demoExpertId(r.reporters[0]!);
      const version = (n: number, state: string, shown: typeof entries, submitted: Date, supersededAt: Date | null) => {
        const key = { organization: r.organization, period, version: n };
        return {
          head: {
            _id: String(new ProgrammeReport(key)._id),
            ...key,
            place,
            level,
            framework: frameworkId,
            state,
            entries: shown,
            comment: n > 1 ? 'Số liệu minh hoạ; bản sửa: cập nhật tỷ lệ văn bản điện tử theo số liệu cuối kỳ.' : 'Số liệu minh hoạ.',
            revision: 3,
            createdBy: author,
            updatedBy: author,
            submittedBy: author,
            submittedAt: submitted,
            supersededAt,
            createdAt: new Date(submitted.getTime() - 5 * 86_400_000),
            updatedAt: supersededAt ?? submitted,
          },
          parts: [],
        };
      };
      if (!corrected) {
        reportUnits.push(version(1, 'submitted', entries, at, null));
        return;
      }
      const later = new Date(at.getTime() + 9 * 86_400_000);
      const earlier = entries.map((e) => (e.criterion === 'CT06' && e.number !== null ? { ...e, value: String(Math.max(0, e.number - 12)), number: Math.max(0, e.number - 12) } : e));
      reportUnits.push(version(1, 'superseded', earlier, at, later), version(2, 'submitted', entries, later, null));
    });
  }
  return [
    ...(options.reset ? await resetUnits(ProgrammeFramework, frameworkUnits) : await addMissingUnits(ProgrammeFramework, frameworkUnits)),
    ...(options.reset ? await resetUnits(ProgrammeReporter, reporterUnits) : await addMissingUnits(ProgrammeReporter, reporterUnits)),
    ...(options.reset ? await resetUnits(ProgrammeReport, reportUnits) : await addMissingUnits(ProgrammeReport, reportUnits)),
  ];
}
