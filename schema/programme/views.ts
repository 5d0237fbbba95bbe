import { stringify } from 'csv-stringify/sync';
import type { OrganizationDoc } from '../organization/service.ts';
import type { CriterionDoc, EntryDoc, FrameworkDoc, ReportDoc } from './model.ts';
import { appliesTo } from './service.ts';
import { meetsTarget } from './values.ts';

/** One organisation's figure on one criterion, as the tables, the map and the CSV show it. */
export interface CriterionValue {
  organization: string;
  place: string | null;
  level: string;
  version: number;
  submittedAt: Date | null;
  entry: EntryDoc;
  meets: boolean;
}

export interface CriterionResults {
  framework: FrameworkDoc;
  criterion: CriterionDoc;
  period: string;
  values: CriterionValue[];
  /** Units the criterion applies to that gave a value. */
  reporting: number;
  meeting: number;
}

/** A criterion's figures in a period, from that period's submitted reports on its framework. */
export function criterionResults(framework: FrameworkDoc, criterion: CriterionDoc, period: string, reports: readonly ReportDoc[]): CriterionResults {
  const values: CriterionValue[] = [];
  for (const report of reports) {
    if (!appliesTo(criterion, report.level as 'ministry' | 'province')) continue;
    const entry = report.entries.find((e) => e.criterion === criterion.code);
    if (!entry || entry.value === null || entry.value === undefined) continue;
    values.push({
      organization: report.organization,
      place: report.place ?? null,
      level: report.level,
      version: report.version,
      submittedAt: report.submittedAt ?? null,
      entry,
      meets: meetsTarget(criterion.unit, criterion.target, entry.number),
    });
  }
  values.sort((a, b) => (b.entry.number ?? 0) - (a.entry.number ?? 0) || a.organization.localeCompare(b.organization));
  return { framework, criterion, period, values, reporting: values.length, meeting: values.filter((v) => v.meets).length };
}

/*
 * CSV for spreadsheets: a byte-order mark first, so that Excel reads the Vietnamese as UTF-8;
 * quoting by csv-stringify (commas, quotes and line breaks inside comments stay in their cell).
 */
const BOM = '\uFEFF';
const yesNo = (meets: boolean) => (meets ? 'Đạt' : 'Chưa đạt');

export function criterionCsv(results: CriterionResults, organizations: ReadonlyMap<string, OrganizationDoc>): string {
  const { criterion } = results;
  const rows = results.values.map((v) => [
    results.period,
    criterion.code,
    organizations.get(v.organization)?.name ?? v.organization,
    v.organization,
    v.place ?? '',
    v.entry.value ?? '',
    criterion.unit,
    criterion.target,
    yesNo(v.meets),
    v.entry.status,
    v.entry.evidence.join(' '),
    v.entry.comment,
    v.version,
  ]);
  const header = ['Kỳ báo cáo', 'Mã tiêu chí', 'Cơ quan', 'Mã cơ quan', 'Tỉnh/thành', 'Giá trị', 'Đơn vị đo', 'Chỉ tiêu', 'Kết quả', 'Tình trạng', 'Minh chứng', 'Ghi chú', 'Phiên bản'];
  return BOM + stringify([header, ...rows]);
}

export function progressCsv(organization: OrganizationDoc, reports: readonly ReportDoc[], frameworks: ReadonlyMap<string, FrameworkDoc>): string {
  const header = ['Cơ quan', 'Kỳ báo cáo', 'Phiên bản', 'Khung tiêu chí', 'Mã tiêu chí', 'Tiêu chí', 'Giá trị', 'Đơn vị đo', 'Chỉ tiêu', 'Kết quả', 'Tình trạng', 'Minh chứng', 'Ghi chú'];
  const rows: (string | number)[][] = [];
  for (const report of reports) {
    const framework = frameworks.get(String(report.framework));
    for (const entry of report.entries) {
      const criterion = framework?.criteria.find((c) => c.code === entry.criterion);
      rows.push([
        organization.name,
        report.period,
        report.version,
        framework?.code ?? '',
        entry.criterion,
        criterion?.title ?? '',
        entry.value ?? '',
        criterion?.unit ?? '',
        criterion?.target ?? '',
        entry.value === null || !criterion ? '' : yesNo(meetsTarget(criterion.unit, criterion.target, entry.number)),
        entry.status,
        entry.evidence.join(' '),
        entry.comment,
      ]);
    }
  }
  return BOM + stringify([header, ...rows]);
}
