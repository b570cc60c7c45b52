import { describe, expect, it } from 'vitest';
import { reportQuery } from '@shared/reports/contract.js';
import { monthsOf, previousPeriod, startOfDay, wallClockIn } from '@shared/reports/period.js';

describe('a review report’s period', () => {
  it('compares with the period of the same length just before it', () => {
    expect(previousPeriod('2025-03-01', '2025-04-01')).toEqual({ from: '2025-01-29', to: '2025-03-01' });
    // The heat season, 1 May – 30 September (153 days), against the 153 days before it.
    expect(previousPeriod('2025-05-01', '2025-10-01')).toEqual({ from: '2024-11-29', to: '2025-05-01' });
    expect(previousPeriod('2024-01-01', '2025-01-01')).toEqual({ from: '2022-12-31', to: '2024-01-01' });
  });

  it('starts a day at midnight on the scope’s clock, through daylight-saving changes', () => {
    // Tijuana: PST (UTC−8) on 1 March, PDT (UTC−7) from 9 March.
    expect(new Date(startOfDay('2025-03-01', 'America/Tijuana')).toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(new Date(startOfDay('2025-04-01', 'America/Tijuana')).toISOString()).toBe('2025-04-01T07:00:00.000Z');
    expect(new Date(startOfDay('2025-03-01', 'UTC')).toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(wallClockIn(Date.parse('2025-04-01T06:30:00Z'), 'America/Tijuana')).toBe('2025-03-31 23:30');
  });

  it('lists every month the period touches', () => {
    expect(monthsOf('2025-03-01', '2025-04-01')).toEqual(['2025-03']);
    expect(monthsOf('2024-11-15', '2025-02-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsOf('2025-05-01', '2025-10-01')).toHaveLength(5);
  });

  it('takes five years at most, and refuses an end at or before the start', () => {
    expect(reportQuery.safeParse({ from: '2020-01-01', to: '2025-01-01' }).success).toBe(true);
    expect(reportQuery.safeParse({ from: '2020-01-01', to: '2025-01-02' }).success).toBe(false);
    expect(reportQuery.safeParse({ from: '2024-02-29', to: '2029-02-28' }).success).toBe(true);
    expect(reportQuery.safeParse({ from: '2025-03-01', to: '2025-03-01' }).success).toBe(false);
    // A date that does not exist is refused for itself, not also as out of order.
    const issues = reportQuery.safeParse({ from: '2025-02-30', to: '2025-01-01' }).error?.issues ?? [];
    expect(issues.map((i) => i.path.join('.'))).toEqual(['from']);
  });
});
