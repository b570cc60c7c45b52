import type { FeatureManifest } from '@client/lib/feature.js';
import { AlertSoundToggle } from './components/alert-sound-toggle.js';
import { AwaitingCounter } from './components/awaiting-counter.js';
import { IncidentToasts } from './components/incident-toasts.js';
import { UnreadAlerts } from './components/unread-alerts.js';
import { incidentsLiveBridge } from './live-bridge.js';
import { incidentsOverlay } from './map/overlay.js';

/**
 * Rapid Response (Plan of Action V): report, alert both governments, acknowledge,
 * escalate to the central desks, follow up investigations. The worked example of
 * docs/architecture-client.md.
 */
export const incidentsManifest: FeatureManifest = {
  id: 'incidents',
  routes: [
    {
      path: 'incidents',
      permission: null,
      page: () => import('./components/incident-feed-page.js').then((m) => m.IncidentFeedPage),
    },
    {
      path: 'incidents/new',
      permission: 'incident.report',
      page: () => import('./components/report-incident-page.js').then((m) => m.ReportIncidentPage),
    },
    {
      path: 'incidents/:id',
      permission: null,
      page: () => import('./components/incident-detail-page.js').then((m) => m.IncidentDetailPage),
    },
    {
      path: 'central-desk',
      permission: 'escalation.read',
      page: () => import('./components/central-desk-page.js').then((m) => m.CentralDeskPage),
    },
    {
      path: 'investigations',
      permission: 'investigation.followUp',
      page: () => import('./components/investigations-page.js').then((m) => m.InvestigationsPage),
    },
  ],
  navigation: [
    { label: 'nav.incidents', path: '/incidents', permission: null, order: 10 },
    { label: 'nav.centralDesk', path: '/central-desk', permission: 'escalation.read', order: 30 },
    { label: 'nav.investigations', path: '/investigations', permission: 'investigation.followUp', order: 40 },
  ],
  widgets: [
    { id: 'awaiting-acknowledgement', slot: 'topbar', Component: AwaitingCounter, permission: 'incident.acknowledge' },
    { id: 'unread-alerts', slot: 'topbar', Component: UnreadAlerts },
    { id: 'alert-sound', slot: 'topbar', Component: AlertSoundToggle },
    { id: 'incident-toasts', slot: 'overlay', Component: IncidentToasts },
  ],
  mapOverlays: [incidentsOverlay],
  // The incident page hosts the features' panels; its own investigation takes its place among them.
  incidentPanels: [
    {
      id: 'investigation',
      order: 20,
      panel: () => import('./components/investigation-panel.js').then((m) => m.InvestigationPanel),
    },
  ],
  liveBridge: incidentsLiveBridge,
};
