import type { FeatureManifest } from '@client/lib/feature.js';

/** For a mechanism's meetings: "prepare the review" opens its report since the last meeting. */
export { PrepareReviewLink } from './components/prepare-review-link.js';

/**
 * Bilateral review reports (issue 25; Plan of Action: "review regularly the results and the
 * progress of local coordination efforts on border safety"): a period's incidents, each
 * government's response, investigations, repatriations, ports and advisories, and the
 * mechanisms' follow-up, with charts, printable, each section's records as CSV.
 */
export const reportsManifest: FeatureManifest = {
  id: 'reports',
  routes: [
    {
      path: 'reports',
      permission: 'report.read',
      page: () => import('./components/report-page.js').then((m) => m.ReportPage),
    },
  ],
  navigation: [{ label: 'nav.reports', path: '/reports', permission: 'report.read', order: 75 }],
};
