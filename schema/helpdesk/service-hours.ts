import { TZDate } from '@date-fns/tz';

/*
 * Service hours: the clock the help desk is measured by. Only the hours it is open count, so a
 * question filed on Friday evening and answered on Monday at 09:00 waited one service hour.
 * Pure functions over instants (milliseconds since the epoch); no I/O.
 */

/** One opening on a weekday: ISO weekday (1 Monday … 7 Sunday), minutes after local midnight. */
export interface Opening {
  weekday: number;
  opensAt: number;
  closesAt: number;
}

export interface ServiceCalendar {
  /** IANA name: local days and hours are read there (Vietnam has kept UTC+7 without DST since 1975). */
  timeZone: string;
  openings: readonly Opening[];
  /** Local dates the desk is closed, `YYYY-MM-DD`. */
  holidays: readonly string[];
}

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** No span is walked further than this (ten years): a calendar without openings never loops forever. */
const MAX_DAYS = 3660;

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Monday to Friday, 08:00 to 17:00: the hours the working group agreed for the desk at first. */
export const DEFAULT_OPENINGS: readonly Opening[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: 8 * 60, closesAt: 17 * 60 }));

/**
 * Vietnam's public holidays on working days, 2026 and 2027 (Labour Code 2019, art. 112: Tết Dương
 * lịch 1 day, Tết Nguyên đán 5, Giỗ Tổ Hùng Vương 10/3 lunar, 30/4, 1/5, 2/9 and a day beside it;
 * a holiday falling on a weekend is taken on the next working day). 2026: the government's
 * notice gave Tết from Monday 16/2 to Friday 20/2 (lunar new year on 17/2); Giỗ Tổ fell on Sunday
 * 26/4, taken on Monday 27/4; 2/9 with Tuesday 1/9. 2027 is computed from the same rules (lunar
 * new year on Saturday 6/2: 5/2 and 8–9/2, weekend days taken 10–11/2; Giỗ Tổ on Friday 16/4; 1/5
 * a Saturday, taken 3/5; 2/9 with Friday 3/9) until the government's notice: admins correct it.
 */
export const DEFAULT_HOLIDAYS: readonly string[] = [
  '2026-01-01',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  '2027-01-01',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16',
  '2027-04-30',
  '2027-05-03',
  '2027-09-02',
  '2027-09-03',
];

export const DEFAULT_CALENDAR: ServiceCalendar = { timeZone: VIETNAM_TIME_ZONE, openings: DEFAULT_OPENINGS, holidays: DEFAULT_HOLIDAYS };

/** A local calendar date; `dayNumber` counts days since 1970-01-01 so that days can be stepped. */
interface LocalDay {
  dayNumber: number;
  key: string;
  weekday: number;
}

function localDay(dayNumber: number): LocalDay {
  const date = new Date(dayNumber * DAY_MS);
  const weekday = date.getUTCDay() || 7;
  return { dayNumber, key: date.toISOString().slice(0, 10), weekday };
}

/** The local day an instant falls in. */
function dayOf(calendar: Pick<ServiceCalendar, 'timeZone'>, at: number): number {
  const local = new TZDate(at, calendar.timeZone);
  return Math.floor(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY_MS);
}

/** The instant of a local wall-clock time (minutes after midnight) on a local day. */
function instantOf(calendar: Pick<ServiceCalendar, 'timeZone'>, dayNumber: number, minutes: number): number {
  const date = new Date(dayNumber * DAY_MS);
  return new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 0, minutes, calendar.timeZone).getTime();
}

/** The day's open intervals as instants, in order; none on a holiday. */
function openIntervals(calendar: ServiceCalendar, dayNumber: number, holidays: ReadonlySet<string>): [number, number][] {
  const day = localDay(dayNumber);
  if (holidays.has(day.key)) return [];
  return calendar.openings
    .filter((o) => o.weekday === day.weekday && o.closesAt > o.opensAt)
    .sort((a, b) => a.opensAt - b.opensAt)
    .map((o) => [instantOf(calendar, dayNumber, o.opensAt), instantOf(calendar, dayNumber, o.closesAt)]);
}

/** Milliseconds of service time between two instants; 0 when `to` is not after `from`. */
export function serviceMsBetween(calendar: ServiceCalendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  const holidays = new Set(calendar.holidays);
  const last = Math.min(dayOf(calendar, to), dayOf(calendar, from) + MAX_DAYS);
  let total = 0;
  for (let day = dayOf(calendar, from); day <= last; day++) {
    for (const [opens, closes] of openIntervals(calendar, day, holidays)) {
      const start = Math.max(opens, from);
      const end = Math.min(closes, to);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/** Service hours between two instants (fractional); 0 when `to` is not after `from`. */
export const serviceHoursBetween = (calendar: ServiceCalendar, from: number, to: number) => serviceMsBetween(calendar, from, to) / HOUR_MS;

/**
 * The instant at which `hours` service hours have passed since `start` (a due time); null when the
 * calendar opens too rarely for that within ten years. A due time that ends exactly at closing
 * stays at the closing instant rather than moving to the next opening.
 */
export function addServiceHours(calendar: ServiceCalendar, start: number, hours: number): number | null {
  let remaining = Math.max(0, hours) * HOUR_MS;
  const holidays = new Set(calendar.holidays);
  const first = dayOf(calendar, start);
  for (let day = first; day <= first + MAX_DAYS; day++) {
    for (const [opens, closes] of openIntervals(calendar, day, holidays)) {
      const from = Math.max(opens, start);
      if (closes <= from) continue;
      if (remaining <= closes - from) return from + remaining;
      remaining -= closes - from;
    }
  }
  return null;
}

/**
 * The latest instant from which `hours` service hours had passed by `end`: anything opened
 * before it has waited longer (the overdue lists' cutoff). Null when the calendar opens too
 * rarely for that within ten years.
 */
export function subtractServiceHours(calendar: ServiceCalendar, end: number, hours: number): number | null {
  let remaining = Math.max(0, hours) * HOUR_MS;
  const holidays = new Set(calendar.holidays);
  const last = dayOf(calendar, end);
  for (let day = last; day >= last - MAX_DAYS; day--) {
    for (const [opens, closes] of openIntervals(calendar, day, holidays).reverse()) {
      const to = Math.min(closes, end);
      if (to <= opens) continue;
      if (remaining <= to - opens) return to - remaining;
      remaining -= to - opens;
    }
  }
  return null;
}

/** Whether the desk is open at the instant (an opening's first instant is open, its closing instant is not). */
export function isOpenAt(calendar: ServiceCalendar, at: number): boolean {
  const holidays = new Set(calendar.holidays);
  return openIntervals(calendar, dayOf(calendar, at), holidays).some(([opens, closes]) => at >= opens && at < closes);
}

/** The next instant the desk opens after `at` (`at` itself when it opens then); null when it never does within ten years. */
export function nextOpening(calendar: ServiceCalendar, at: number): number | null {
  const holidays = new Set(calendar.holidays);
  const first = dayOf(calendar, at);
  for (let day = first; day <= first + MAX_DAYS; day++) {
    for (const [opens] of openIntervals(calendar, day, holidays)) if (opens >= at) return opens;
  }
  return null;
}

/** The local date (`YYYY-MM-DD`) of an instant in the calendar's zone. */
export function localDateOf(calendar: Pick<ServiceCalendar, 'timeZone'>, at: number): string {
  return localDay(dayOf(calendar, at)).key;
}

/** The instants a local month (`YYYY-MM`) starts and ends at: the dashboard's window. */
export function monthWindow(calendar: Pick<ServiceCalendar, 'timeZone'>, month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const from = new TZDate(year, monthNumber - 1, 1, calendar.timeZone).getTime();
  const to = new TZDate(year, monthNumber, 1, calendar.timeZone).getTime();
  return { from: new Date(from), to: new Date(to) };
}
