import type { IncidentPanelProps } from '@client/lib/feature.js';
import { WhoToCallPanel } from './who-to-call-panel.js';

/** On the incident page: who to call now for the incident's place. */
export function WhoToCallOnIncident({ incident }: IncidentPanelProps) {
  return <WhoToCallPanel point={incident.location} />;
}
