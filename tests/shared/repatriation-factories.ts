import type { CheckBody, Person } from '@shared/repatriation/contract.js';
import type { EngineArrangement, EnginePort, PlannedMovement } from '@shared/repatriation/engine.js';

/**
 * Test data for the repatriation engine: an illustrative San Diego–Tijuana arrangement (two
 * ports read on Tijuana's clock), persons and planned movements. Each test builds its own.
 */
export const sanYsidro = (overrides: Partial<EnginePort> = {}): EnginePort => ({
  id: 'san-ysidro',
  usName: 'San Ysidro',
  mxName: 'Tijuana',
  mxTimeZone: 'America/Tijuana',
  status: 'open',
  ...overrides,
});
export const otayMesa = (overrides: Partial<EnginePort> = {}): EnginePort => ({
  id: 'otay-mesa',
  usName: 'Otay Mesa',
  mxName: 'Mesa de Otay',
  mxTimeZone: 'America/Tijuana',
  status: 'open',
  ...overrides,
});
/** In no arrangement. */
export const tecate = (overrides: Partial<EnginePort> = {}): EnginePort => ({
  id: 'tecate',
  usName: 'Tecate',
  mxName: 'Tecate',
  mxTimeZone: 'America/Tijuana',
  status: 'open',
  ...overrides,
});

export const californiaArrangement = (overrides: Partial<EngineArrangement> = {}): EngineArrangement => ({
  id: 'arr-california',
  portIds: ['san-ysidro', 'otay-mesa'],
  windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '22:00' }],
  vulnerableWindow: { start: '08:00', end: '18:00' },
  noticeHours: 24,
  exConvict: { noticeHours: 72, portIds: ['otay-mesa'] },
  capacityPerWindow: 50,
  ...overrides,
});

export const person = (overrides: Partial<Person> = {}): Person => ({
  nationality: 'MX',
  category: 'adult_male',
  ...overrides,
});

export const people = (n: number, overrides: Partial<Person> = {}): Person[] =>
  Array.from({ length: n }, () => person(overrides));

export const request = (overrides: Partial<CheckBody> = {}): CheckBody => ({
  portId: 'san-ysidro',
  at: '2026-06-10T10:00:00-07:00',
  persons: [person()],
  ...overrides,
});

let movementCount = 0;
export const planned = (overrides: Partial<PlannedMovement> = {}): PlannedMovement => ({
  id: `mov-${++movementCount}`,
  portId: 'san-ysidro',
  at: '2026-06-10T09:00:00-07:00',
  status: 'planned',
  persons: [{}],
  ...overrides,
});

export const californiaData = (
  overrides: { arrangement?: Partial<EngineArrangement>; ports?: EnginePort[]; movements?: PlannedMovement[] } = {},
) => ({
  arrangements: [californiaArrangement(overrides.arrangement)],
  ports: overrides.ports ?? [sanYsidro(), otayMesa(), tecate()],
  movements: overrides.movements ?? [],
});
