import { endpoint, file } from '@shared/http/endpoint.js';
import { reportCsvQuery, reportQuery, reportSummary, reportTableParams } from './contract.js';

const tags = ['reports'];
const access = { permission: 'report.read' } as const;
/** A mechanism (or a port of a mechanism) other than the user's own. */
const errors = { 403: ['out_of_scope'] } as const;

/** Bilateral review reports (issue 25): the HTTP contract (server routes, client calls, OpenAPI). */
export const reportEndpoints = {
  summary: endpoint({
    method: 'GET',
    path: '/api/reports/summary',
    summary:
      'The review of a period (from inclusive, to exclusive, on the scope’s border zone) for the whole border, a mechanism, a high-risk area or a port; exercises left out',
    tags,
    access,
    query: reportQuery,
    responses: { 200: reportSummary },
    errors,
  }),
  csv: endpoint({
    method: 'GET',
    path: '/api/reports/:table.csv',
    summary:
      'The records behind a report section as CSV (RFC 4180, UTF-8 with BOM), headers in the chosen language: incidents, response, investigations, repatriations, ports',
    tags,
    access,
    params: reportTableParams,
    query: reportCsvQuery,
    responses: { 200: file('text/csv; charset=utf-8') },
    errors,
  }),
};
