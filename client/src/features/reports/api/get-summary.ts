import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReportQuery } from '@shared/reports/contract.js';
import { reportEndpoints } from '@shared/reports/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { reportKeys } from './keys.js';

/** GET /api/reports/summary: the review of one period and scope, drills left out. */
export const summaryQuery = (query: ReportQuery) =>
  queryOptions({
    queryKey: reportKeys.summary(query),
    queryFn: () => call(reportEndpoints.summary, { query }),
    // Stepping to the next month keeps the last report on screen (marked as updating) until the new one arrives.
    placeholderData: keepPreviousData,
  });

export const useReportSummary = (query: ReportQuery) => useQuery(summaryQuery(query));
