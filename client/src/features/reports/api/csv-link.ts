import { pathOf, queryString } from '@shared/http/endpoint.js';
import type { Language } from '@shared/i18n/index.js';
import type { ReportQuery, ReportTable } from '@shared/reports/contract.js';
import { reportEndpoints } from '@shared/reports/endpoints.js';

/**
 * GET /api/reports/:table.csv: the records behind one section, headers in `language`. A link
 * the browser downloads itself (with the session's cookie), so the file never passes through
 * the page's memory; the address comes from the contract like every call's.
 */
export const csvHref = (table: ReportTable, query: ReportQuery, language: Language): string =>
  `${pathOf(reportEndpoints.csv.path, { table })}${queryString({ ...query, lang: language })}`;
