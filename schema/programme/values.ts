import type { CriterionUnit } from './model.ts';

/*
 * Criterion values, pure (the server checks them, the web form shows the same rules inline).
 * Each unit has one canonical text, stored as given back: percent "0"–"100" (up to two
 * decimals), count a whole number ≥ 0, yes-no "yes"/"no", date "YYYY-MM-DD". A value meets its
 * target when it is at least the target (percent, count), "yes" (yes-no), or on or before the
 * target date (date).
 */

export type ValueProblem = 'NOT_A_NUMBER' | 'OUT_OF_RANGE' | 'NOT_WHOLE' | 'NOT_YES_NO' | 'NOT_A_DATE';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date ("2025-02-30" is none), or null. */
export function dayNumber(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time / 86_400_000;
}

/** The canonical text and number of a value as typed, or the problem with it. */
export function parseValue(unit: CriterionUnit, raw: string): { value: string; number: number } | { problem: ValueProblem } {
  const text = raw.trim();
  switch (unit) {
    case 'percent': {
      if (!/^\d{1,3}([.,]\d{1,2})?$/.test(text)) return { problem: /^-/.test(text) ? 'OUT_OF_RANGE' : 'NOT_A_NUMBER' };
      const number = Number(text.replace(',', '.'));
      if (number < 0 || number > 100) return { problem: 'OUT_OF_RANGE' };
      return { value: String(number), number };
    }
    case 'count': {
      if (/^-\d/.test(text)) return { problem: 'OUT_OF_RANGE' };
      if (/^\d+[.,]\d+$/.test(text)) return { problem: 'NOT_WHOLE' };
      if (!/^\d{1,12}$/.test(text)) return { problem: 'NOT_A_NUMBER' };
      const number = Number(text);
      return { value: String(number), number };
    }
    case 'yes-no':
      if (text === 'yes' || text === 'no') return { value: text, number: text === 'yes' ? 1 : 0 };
      return { problem: 'NOT_YES_NO' };
    case 'date': {
      const number = dayNumber(text);
      return number === null ? { problem: 'NOT_A_DATE' } : { value: text, number };
    }
  }
}

/** Whether a value (its number) meets the criterion's target (its canonical text). */
export function meetsTarget(unit: CriterionUnit, target: string, number: number | null | undefined): boolean {
  if (number === null || number === undefined) return false;
  const parsed = parseValue(unit, target);
  if ('problem' in parsed) return false;
  return unit === 'date' ? number <= parsed.number : number >= parsed.number;
}

/** Reporting periods are half-years: "2026-H1" (January–June) and "2026-H2" (July–December). */
export const PERIOD = /^(20\d{2})-H([12])$/;

export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-H${date.getUTCMonth() < 6 ? 1 : 2}`;
}

/** The period before this one. */
export function previousPeriod(period: string): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  return match[2] === '2' ? `${match[1]}-H1` : `${Number(match[1]) - 1}-H2`;
}

/** Whether the period has begun by `now` (reports are not filed for periods still to come). */
export const periodHasBegun = (period: string, now = new Date()) => period <= periodOf(now);
