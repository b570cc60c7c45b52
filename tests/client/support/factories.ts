import type { SessionUser } from '@shared/auth.js';
import type { ClientConfig } from '@shared/client-config.js';
import type { Alert, Incident, IncidentDetail, IncidentPage } from '@shared/incidents/contract.js';
import type { MechanismSummary } from '@shared/liaison/contract.js';
import type { Port } from '@shared/reference/contract.js';

/** Test data, each call its own: override what the test is about, take defaults for the rest. */

export const aUser = (overrides: Partial<SessionUser> = {}): SessionUser => ({
  id: crypto.randomUUID(),
  username: 'liaison.test',
  displayName: 'Jordan Placeholder',
  role: 'liaison',
  country: 'US',
  agency: 'U.S. Border Patrol, San Diego Sector',
  mechanismId: 'san-diego-tijuana',
  ...overrides,
});

export const aConfig = (overrides: Partial<ClientConfig> = {}): ClientConfig => ({
  mapStyleUrl: null,
  ackDeadlineMinutes: { critical: 10, high: 20, medium: 60, low: 60 },
  ...overrides,
});

export const anIncident = (overrides: Partial<Incident> = {}): Incident => {
  const at = overrides.createdAt ?? '2026-07-04T21:00:00.000Z';
  return {
    id: crypto.randomUUID(),
    type: 'migrant_distress',
    severity: 'high',
    status: 'reported',
    summary: `Group in distress near the levee ${crypto.randomUUID().slice(0, 8)}`,
    location: { lat: 32.54, lon: -117.03 },
    occurredAt: at,
    people: { rescued: 0, injured: 0, deceased: 0 },
    mechanismId: 'san-diego-tijuana',
    areaIds: [],
    reportedBy: crypto.randomUUID(),
    reportingAgency: 'U.S. Border Patrol, San Diego Sector',
    reportingCountry: 'US',
    version: 1,
    createdAt: at,
    updatedAt: at,
    demo: false,
    exercise: false,
    place: {
      timeZone: 'America/Tijuana',
      mechanism: { id: 'san-diego-tijuana', name: { en: 'San Diego – Tijuana', es: 'Tijuana – San Diego' } },
      areas: [],
      nearest: { town: 'San Ysidro', country: 'US', km: 1, direction: 'S' },
    },
    ...overrides,
  };
};

export const aPage = (items: Incident[], nextCursor: string | null = null): IncidentPage => ({ items, nextCursor });

export const anAlert = (overrides: Partial<Alert> = {}): Alert => ({
  id: crypto.randomUUID(),
  tier: 'local',
  raisedAt: '2026-07-04T21:00:00.000Z',
  ackDeadline: '2026-07-04T21:10:00.000Z',
  escalatedAt: null,
  settledAt: null,
  acknowledgements: [],
  ...overrides,
});

export const anIncidentDetail = (overrides: Partial<IncidentDetail> = {}): IncidentDetail => ({
  ...anIncident(),
  timeline: [],
  timelineNextCursor: null,
  alerts: [anAlert()],
  acknowledgements: [],
  investigation: null,
  investigationRequired: false,
  ...overrides,
});

/** San Ysidro – Tijuana, open, with both sides' zones. */
export const aPort = (overrides: Partial<Port> = {}): Port => ({
  id: 'san-ysidro',
  usName: 'San Ysidro',
  mxName: 'Tijuana',
  usState: 'CA',
  mxState: 'BC',
  usLocation: { lat: 32.54, lon: -117.03 },
  mxLocation: { lat: 32.53, lon: -117.03 },
  usTimeZone: 'America/Los_Angeles',
  mxTimeZone: 'America/Tijuana',
  mechanismId: 'san-diego-tijuana',
  status: 'open',
  statusReason: null,
  statusNote: null,
  statusChangedBy: null,
  statusChangedAt: null,
  approx: false,
  notes: null,
  sources: [],
  ...overrides,
});

/** San Diego – Tijuana, with no area drawn and nothing flagged. */
export const aMechanism = (overrides: Partial<MechanismSummary> = {}): MechanismSummary => ({
  id: 'san-diego-tijuana',
  kind: 'BLM',
  usCity: 'San Diego',
  usState: 'CA',
  mxCity: 'Tijuana',
  mxState: 'Baja California',
  centre: { lat: 32.6, lon: -117.1 },
  timeZone: 'America/Tijuana',
  area: null,
  areaMethod: 'border_band_partition',
  areaBasis: null,
  evidence: '',
  approx: true,
  illustrative: false,
  sources: [],
  flags: { coverageGap: false, membersNotVerified: 0, membersWithoutWorkingContact: 0, overdueCommitments: 0 },
  ...overrides,
});

/** Sasabe – El Sásabe, the port people search for by name (issue 23). */
export const theSasabePort = (): Port =>
  aPort({
    id: 'sasabe',
    usName: 'Sasabe',
    mxName: 'El Sásabe',
    usLocation: { lat: 31.483039, lon: -111.544363 },
    mxLocation: { lat: 31.4795, lon: -111.5445 },
    usTimeZone: 'America/Phoenix',
    mxTimeZone: 'America/Hermosillo',
    mechanismId: 'nogales-nogales',
  });
