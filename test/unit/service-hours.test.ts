import { describe, expect, it } from 'vitest';
import { addServiceHours, DEFAULT_CALENDAR, isOpenAt, monthWindow, nextOpening, serviceHoursBetween, subtractServiceHours, type ServiceCalendar } from '../../schema/helpdesk/service-hours.ts';

/** An instant given as Vietnam wall-clock time (UTC+7). */
const vn = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);
const noHolidays: ServiceCalendar = { ...DEFAULT_CALENDAR, holidays: [] };
const hours = (from: string, to: string, calendar = noHolidays) => serviceHoursBetween(calendar, vn(from), vn(to));

// December 2026: Monday 7, Friday 11, Saturday 12, Monday 14.
describe('Service hours', () => {
  it('counts the hours inside one working day', () => {
    expect(hours('2026-12-07T09:00', '2026-12-07T11:30')).toBe(2.5);
  });

  it('does not count the evening and the night', () => {
    expect(hours('2026-12-07T16:00', '2026-12-08T09:00')).toBe(2);
    expect(hours('2026-12-07T18:00', '2026-12-08T07:00')).toBe(0);
  });

  it('does not count the weekend: filed on Saturday, answered on Monday at 09:00, one hour', () => {
    expect(hours('2026-12-12T10:00', '2026-12-14T09:00')).toBe(1);
    expect(hours('2026-12-11T16:30', '2026-12-14T08:30')).toBe(1);
  });

  it('does not count a holiday', () => {
    const calendar = { ...noHolidays, holidays: ['2026-12-08'] };
    expect(hours('2026-12-07T16:00', '2026-12-09T09:00', calendar)).toBe(2);
  });

  it('skips a holiday on a Friday and the weekend after it together', () => {
    const calendar = { ...noHolidays, holidays: ['2026-12-11'] };
    expect(hours('2026-12-10T16:00', '2026-12-14T10:00', calendar)).toBe(3);
    expect(addServiceHours(calendar, vn('2026-12-10T16:00'), 2)).toBe(vn('2026-12-14T09:00'));
  });

  it('counts exactly the boundaries: opening to closing is nine hours, closing to the next opening none', () => {
    expect(hours('2026-12-07T08:00', '2026-12-07T17:00')).toBe(9);
    expect(hours('2026-12-07T17:00', '2026-12-08T08:00')).toBe(0);
    expect(isOpenAt(noHolidays, vn('2026-12-07T08:00'))).toBe(true);
    expect(isOpenAt(noHolidays, vn('2026-12-07T17:00'))).toBe(false);
  });

  it('answers 0 when the end is not after the start', () => {
    expect(hours('2026-12-08T10:00', '2026-12-07T10:00')).toBe(0);
    expect(hours('2026-12-08T10:00', '2026-12-08T10:00')).toBe(0);
  });

  it('counts long spans: four weeks of working days', () => {
    expect(hours('2026-12-07T08:00', '2027-01-04T08:00')).toBe(4 * 5 * 9);
    // New Year's Day 2027 (a Friday) is among the shipped holidays.
    expect(serviceHoursBetween(DEFAULT_CALENDAR, vn('2026-12-07T08:00'), vn('2027-01-04T08:00'))).toBe(4 * 5 * 9 - 9);
  });

  it('skips the shipped Tết holidays of 2026', () => {
    // Friday 13 February 16:00 to Monday 23 February 09:00: the whole week of Tết is closed.
    expect(serviceHoursBetween(DEFAULT_CALENDAR, vn('2026-02-13T16:00'), vn('2026-02-23T09:00'))).toBe(2);
  });

  it('finds the due time N service hours after a start, across the night and the weekend', () => {
    expect(addServiceHours(noHolidays, vn('2026-12-07T10:00'), 8)).toBe(vn('2026-12-08T09:00'));
    expect(addServiceHours(noHolidays, vn('2026-12-12T10:00'), 1)).toBe(vn('2026-12-14T09:00'));
    expect(addServiceHours(noHolidays, vn('2026-12-07T08:00'), 9)).toBe(vn('2026-12-07T17:00'));
    expect(addServiceHours(noHolidays, vn('2026-12-07T08:00'), 40)).toBe(vn('2026-12-11T12:00'));
  });

  it('finds the instant N service hours before an end, back across the weekend', () => {
    expect(subtractServiceHours(noHolidays, vn('2026-12-14T09:00'), 2)).toBe(vn('2026-12-11T16:00'));
    expect(subtractServiceHours(noHolidays, vn('2026-12-13T12:00'), 9)).toBe(vn('2026-12-11T08:00'));
  });

  it('never finds a due time in a calendar without openings', () => {
    expect(addServiceHours({ ...noHolidays, openings: [] }, vn('2026-12-07T10:00'), 1)).toBeNull();
    expect(nextOpening({ ...noHolidays, openings: [] }, vn('2026-12-07T10:00'))).toBeNull();
  });

  it('says when the desk opens next: Monday morning after a Friday evening', () => {
    expect(nextOpening(noHolidays, vn('2026-12-11T17:30'))).toBe(vn('2026-12-14T08:00'));
    expect(nextOpening(noHolidays, vn('2026-12-14T07:00'))).toBe(vn('2026-12-14T08:00'));
  });

  it('reads a month in Vietnam time', () => {
    const { from, to } = monthWindow(noHolidays, '2026-12');
    expect(from.getTime()).toBe(vn('2026-12-01T00:00'));
    expect(to.getTime()).toBe(vn('2027-01-01T00:00'));
  });
});
