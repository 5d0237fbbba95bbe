import { describe, expect, it } from 'vitest';
import { meetsTarget, parseValue, periodHasBegun, periodOf, previousPeriod } from '../../schema/programme/values.ts';

describe('Programme values', () => {
  it('reads each unit’s values in one canonical form, or names the problem', () => {
    expect(parseValue('percent', ' 85,5 ')).toEqual({ value: '85.5', number: 85.5 });
    expect(parseValue('percent', '100')).toEqual({ value: '100', number: 100 });
    expect(parseValue('percent', '100.01')).toEqual({ problem: 'OUT_OF_RANGE' });
    expect(parseValue('percent', '-1')).toEqual({ problem: 'OUT_OF_RANGE' });
    expect(parseValue('percent', '1e2')).toEqual({ problem: 'NOT_A_NUMBER' });
    expect(parseValue('count', '012')).toEqual({ value: '12', number: 12 });
    expect(parseValue('count', '2.5')).toEqual({ problem: 'NOT_WHOLE' });
    expect(parseValue('count', '-3')).toEqual({ problem: 'OUT_OF_RANGE' });
    expect(parseValue('count', 'Infinity')).toEqual({ problem: 'NOT_A_NUMBER' });
    expect(parseValue('yes-no', 'yes')).toEqual({ value: 'yes', number: 1 });
    expect(parseValue('yes-no', 'có')).toEqual({ problem: 'NOT_YES_NO' });
    expect(parseValue('date', '2024-02-29')).toMatchObject({ value: '2024-02-29' });
    expect(parseValue('date', '2025-02-29')).toEqual({ problem: 'NOT_A_DATE' });
    expect(parseValue('date', '29/02/2024')).toEqual({ problem: 'NOT_A_DATE' });
  });

  it('meets a target when at least it (percent, count), yes, or on or before the target date', () => {
    expect(meetsTarget('percent', '30', 30)).toBe(true);
    expect(meetsTarget('percent', '30', 29.9)).toBe(false);
    expect(meetsTarget('count', '5', 6)).toBe(true);
    expect(meetsTarget('yes-no', 'yes', 0)).toBe(false);
    const day = (text: string) => (parseValue('date', text) as { number: number }).number;
    expect(meetsTarget('date', '2020-06-30', day('2020-06-30'))).toBe(true);
    expect(meetsTarget('date', '2020-06-30', day('2020-07-01'))).toBe(false);
    expect(meetsTarget('percent', '30', null)).toBe(false);
  });

  it('counts periods in half-years and refuses those still to come', () => {
    expect(periodOf(new Date('2026-06-30T23:59:59Z'))).toBe('2026-H1');
    expect(periodOf(new Date('2026-07-01T00:00:00Z'))).toBe('2026-H2');
    expect(previousPeriod('2026-H1')).toBe('2025-H2');
    expect(previousPeriod('2026-H2')).toBe('2026-H1');
    const now = new Date('2026-12-07T00:00:00Z');
    expect(periodHasBegun('2026-H2', now)).toBe(true);
    expect(periodHasBegun('2027-H1', now)).toBe(false);
  });
});
