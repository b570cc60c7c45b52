import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Country, Role, SessionUser } from '@shared/auth.js';
import type { CreateIncidentBody, Incident } from '@shared/incidents/contract.js';
import type { LatLon } from '@shared/reference/contract.js';
import { createUser } from '@server/core/users.js';
import { signIn } from './app.js';

/** Places on the seeded reference geography, and what assignment makes of them. */
export const places = {
  /** San Diego – Tijuana mechanism, in no high-risk area. */
  tijuana: { lat: 32.54, lon: -117.03 },
  /** Inside the All-American Canal high-risk polygon, near Calexico (Calexico – Mexicali). */
  canal: { lat: 32.69, lon: -115.2 },
  /** Laredo – Nuevo Laredo, far from San Diego – Tijuana. */
  laredo: { lat: 27.5, lon: -99.5 },
} satisfies Record<string, LatLon>;

export interface UserTraits {
  role: Role;
  country: Country;
  mechanismId: string | null;
}

/** The officers the scenarios need, by what they are rather than by demo account. */
export const officers = {
  usLiaison: { role: 'liaison', country: 'US', mechanismId: 'san-diego-tijuana' },
  mxConsul: { role: 'consular', country: 'MX', mechanismId: 'san-diego-tijuana' },
  usSupervisor: { role: 'supervisor', country: 'US', mechanismId: null },
  mxSupervisor: { role: 'supervisor', country: 'MX', mechanismId: null },
  mxCentral: { role: 'central', country: 'MX', mechanismId: null },
} satisfies Record<string, UserTraits>;

export interface TestUser extends SessionUser {
  password: string;
  /** The Cookie header of a session signed in through the API. */
  cookie: string;
}

/** A new account of the test's own (unique username), signed in through the API. */
export async function signedInUser(app: FastifyInstance, traits: UserTraits): Promise<TestUser> {
  const username = `${traits.role}.${traits.country}.${randomUUID().slice(0, 8)}`.toLowerCase();
  const password = `pw-${randomUUID()}`;
  const user = await createUser(app.db, {
    ...traits,
    username,
    password,
    displayName: `Test ${traits.role} ${traits.country} ${username.slice(-8)}`,
    agency: `${traits.country} test agency`,
  });
  return { ...user, password, cookie: await signIn(app, username, password) };
}

/** An incident report as an officer sends it; `over` replaces any field. */
export function incidentReport(over: Partial<CreateIncidentBody> = {}): CreateIncidentBody {
  return {
    type: 'migrant_distress',
    severity: 'high',
    summary: 'Group of six reported lost near the line',
    location: places.tijuana,
    occurredAt: '2026-07-04T14:30:00-07:00',
    people: { rescued: 0, injured: 1, deceased: 0 },
    ...over,
  };
}

/** Reports an incident through the API as `user`; fails the test unless it is created. */
export async function reportIncident(
  app: FastifyInstance,
  user: Pick<TestUser, 'cookie'>,
  over: Partial<CreateIncidentBody> = {},
): Promise<Incident> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers: { cookie: user.cookie },
    payload: incidentReport(over),
  });
  if (res.statusCode !== 201) throw new Error(`report failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
