import type { ReportQuery } from '@shared/reports/contract.js';

/** Query keys of the reports feature: the period and scope are part of the key. */
export const reportKeys = {
  summary: (query: ReportQuery) => ['reports', 'summary', query] as const,
};
