import { describe, expect, it } from 'vitest';
import type { Country } from '@shared/auth.js';
import type { IncidentStatus, IncidentType } from '@shared/incidents/contract.js';
import {
  followUpFlag,
  handOffRefusal,
  isInvestigationStale,
  pendingGovernments,
  requiresInvestigation,
  type HandOffRefusal,
} from '@shared/incidents/rules.js';

describe('which governments are still pending an acknowledgement', () => {
  it.each<[Country[], Country[]]>([
    [[], ['US', 'MX']],
    [['US'], ['MX']],
    [['MX'], ['US']],
    [['US', 'US'], ['MX']],
    [['MX', 'US'], []],
  ])('acknowledged by %j → pending %j', (acknowledged, pending) => {
    expect(pendingGovernments(acknowledged)).toEqual(pending);
  });
});

describe('status hand-offs', () => {
  it.each<[IncidentStatus, IncidentStatus, IncidentType, boolean, HandOffRefusal | null]>([
    ['reported', 'acknowledged', 'migrant_distress', false, null],
    ['reported', 'responding', 'migrant_distress', false, null],
    ['reported', 'resolved', 'migrant_distress', false, 'transition'],
    ['acknowledged', 'responding', 'migrant_distress', false, null],
    ['responding', 'resolved', 'migrant_distress', false, null],
    ['resolved', 'responding', 'migrant_distress', false, null],
    ['resolved', 'closed', 'migrant_distress', false, null],
    ['closed', 'responding', 'migrant_distress', false, 'transition'],
    // Plan of Action III / Mérida MOU: violent incidents close only with an investigation record.
    ['resolved', 'closed', 'violence_against_migrants', false, 'investigationRequired'],
    ['resolved', 'closed', 'violence_against_migrants', true, null],
    ['resolved', 'closed', 'death', false, 'investigationRequired'],
    ['responding', 'closed', 'death', true, 'transition'],
    ['resolved', 'responding', 'incursion', false, null],
  ])('%s → %s (%s, investigation %s): %s', (from, to, type, hasInvestigation, refusal) => {
    expect(handOffRefusal({ status: from, type }, to, hasInvestigation)).toBe(refusal);
  });

  it.each<[IncidentType, boolean]>([
    ['death', true],
    ['violence_against_migrants', true],
    ['assault_on_officers', true],
    ['incursion', true],
    ['drowning', false],
    ['migrant_distress', false],
  ])('%s needs an investigation: %s', (type, required) => {
    expect(requiresInvestigation(type)).toBe(required);
  });
});

describe('stale investigations', () => {
  const now = new Date('2026-08-04T12:00:00Z');
  it.each<[string, string, boolean]>([
    ['open', '2026-07-04T12:00:00Z', true],
    ['open', '2026-07-05T12:00:00Z', false],
    ['open', '2026-07-05T11:59:59Z', true],
    ['under_review', '2026-01-01T00:00:00Z', true],
    ['referred_to_prosecutor', '2026-08-01T00:00:00Z', false],
    ['closed', '2026-01-01T00:00:00Z', false],
  ])('%s, last updated %s: stale %s', (status, updatedAt, stale) => {
    expect(isInvestigationStale({ status, updatedAt }, now)).toBe(stale);
    expect(isInvestigationStale({ status, updatedAt: new Date(updatedAt) }, now)).toBe(stale);
  });

  it.each<[{ stale: boolean } | null, string]>([
    [null, 'missing'],
    [{ stale: true }, 'stale'],
    [{ stale: false }, 'current'],
  ])('follow-up flag of %j is %s', (investigation, flag) => {
    expect(followUpFlag(investigation)).toBe(flag);
  });
});
