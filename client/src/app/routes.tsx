import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Role } from '@shared/auth.js';
import type { LabelKey } from '@shared/i18n/index.js';

/** Pages load on first visit: the sign-in page doesn't pay for MapLibre. */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const BorderMapPage = lazyPage(() => import('../features/map/components/border-map-page.js').then((m) => m.BorderMapPage));
const IncidentFeedPage = lazyPage(() => import('../features/incidents/components/incident-feed-page.js').then((m) => m.IncidentFeedPage));
const ReportIncidentPage = lazyPage(() => import('../features/incidents/components/report-incident-page.js').then((m) => m.ReportIncidentPage));
const IncidentDetailPage = lazyPage(() => import('../features/incidents/components/incident-detail-page.js').then((m) => m.IncidentDetailPage));
const CentralDeskPage = lazyPage(() => import('../features/incidents/components/central-desk-page.js').then((m) => m.CentralDeskPage));
const InvestigationsPage = lazyPage(() => import('../features/incidents/components/investigations-page.js').then((m) => m.InvestigationsPage));

/** Central desks (Washington – Mexico City) and those who oversee them. */
const overseers: readonly Role[] = ['central', 'supervisor', 'admin'];

export interface Route {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
  roles?: readonly Role[];
}

/** More specific patterns first: `/incidents/new` before `/incidents/:id`. */
export const routes: readonly Route[] = [
  { pattern: '/map', render: () => <BorderMapPage /> },
  { pattern: '/incidents', render: () => <IncidentFeedPage /> },
  { pattern: '/incidents/new', render: () => <ReportIncidentPage /> },
  { pattern: '/incidents/:id', render: ({ id }) => <IncidentDetailPage key={id} id={id!} /> },
  { pattern: '/central-desk', render: () => <CentralDeskPage />, roles: overseers },
  { pattern: '/investigations', render: () => <InvestigationsPage />, roles: overseers },
];

export const DEFAULT_PATH = '/map';

export interface NavItem {
  label: LabelKey;
  path?: string;
  roles?: readonly Role[];
}

/** Items without a path are features of later issues, shown disabled as "coming soon". */
export const navigation: readonly NavItem[] = [
  { label: 'nav.incidents', path: '/incidents' },
  { label: 'nav.map', path: '/map' },
  { label: 'nav.centralDesk', path: '/central-desk', roles: overseers },
  { label: 'nav.investigations', path: '/investigations', roles: overseers },
  { label: 'nav.repatriation' },
  { label: 'nav.liaison' },
  { label: 'nav.advisories' },
];
