import type { IncidentPanelProps } from '@client/lib/feature.js';
import { useCan } from '@client/lib/use-can.js';
import { InvestigationForm } from './investigation-form.js';

/**
 * The incident page's investigation: for the types that need one (or once one is recorded),
 * to those who may investigate. Keyed by the record's `updatedAt`: a new record starts the form afresh.
 */
export function InvestigationPanel({ incident }: IncidentPanelProps) {
  const can = useCan();
  const shown = (incident.investigationRequired || incident.investigation) && can('incident.investigate', incident);
  return shown ? <InvestigationForm key={incident.investigation?.updatedAt ?? 'new'} detail={incident} /> : null;
}
