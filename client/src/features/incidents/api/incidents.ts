import type {
  CreateIncidentBody, Incident, IncidentDetail, IncidentPage, IncidentQuery, IncidentWithAlerts,
  InvestigationBody, InvestigationFollowUp, UpdateIncidentBody, Acknowledgement,
} from '@shared/incidents/contract.js';
import type { Country } from '@shared/auth.js';
import { api, ApiError, query } from '../../../lib/api-client.js';

export type FeedFilters = Pick<Partial<IncidentQuery>, 'status' | 'type'>;

export function listIncidents(filters: FeedFilters, cursor?: string): Promise<IncidentPage> {
  return api('GET', `/api/incidents${query({ ...filters, cursor, limit: 50 })}`);
}

export function getIncident(id: string): Promise<IncidentDetail> {
  return api('GET', `/api/incidents/${encodeURIComponent(id)}`);
}

export function createIncident(body: CreateIncidentBody): Promise<Incident> {
  return api('POST', '/api/incidents', body);
}

export function updateIncident(id: string, body: UpdateIncidentBody): Promise<IncidentDetail> {
  return api('PATCH', `/api/incidents/${encodeURIComponent(id)}`, body);
}

export function acknowledgeIncident(id: string): Promise<{ incidentId: string; government: Country; acknowledgements: Acknowledgement[] }> {
  return api('POST', `/api/incidents/${encodeURIComponent(id)}/acknowledge`);
}

export function saveInvestigation(id: string, body: InvestigationBody): Promise<IncidentDetail> {
  return api('PUT', `/api/incidents/${encodeURIComponent(id)}/investigation`, body);
}

export async function listEscalations(): Promise<IncidentWithAlerts[]> {
  return (await api<{ items: IncidentWithAlerts[] }>('GET', '/api/escalations')).items;
}

export async function listInvestigations(): Promise<InvestigationFollowUp[]> {
  return (await api<{ items: InvestigationFollowUp[] }>('GET', '/api/investigations')).items;
}

/** The state the server holds when a PATCH was stale (409 version_conflict), else null. */
export function conflictingState(error: unknown): IncidentDetail | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return (error.body as { current?: IncidentDetail } | null)?.current ?? null;
}
