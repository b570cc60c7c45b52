import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { checkBody, type CheckBody, type Person, type PersonCategory } from '@shared/repatriation/contract.js';
import {
  checkRepatriation,
  prepareRepatriation,
  type EngineArrangement,
  type EnginePort,
  type PlannedMovement,
} from '@shared/repatriation/engine.js';

/**
 * Issue 14 benchmark: repatriation engine evaluations per second for a 40-person movement
 * against a week of 500 planned movements (pure, in process; goal ≥ 50,000/s), beside the zod
 * parse of the same request body, which the server runs for every check anyway — both measured
 * in the same run. One figure for an allowed movement (the form's usual case) and one for a
 * refused movement (sentences written for five violations).
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  baselineName: string;
}

const DURATION_MS = Number(process.env.BENCH_ENGINE_MS ?? 1500);
const MONDAY = Date.parse('2026-06-08T00:00:00-07:00');
const HOUR = 3_600_000;

const ports: EnginePort[] = ['san-ysidro', 'otay-mesa', 'calexico-west'].map((id) => ({
  id,
  usName: id,
  mxName: id,
  mxTimeZone: 'America/Tijuana',
  status: 'open',
}));

const arrangement: EngineArrangement = {
  id: 'arr-bench',
  portIds: ports.map((p) => p.id),
  windows: [
    { days: [1, 2, 3, 4, 5], start: '06:00', end: '22:00' },
    { days: [6, 7], start: '08:00', end: '18:00' },
  ],
  vulnerableWindow: { start: '08:00', end: '18:00' },
  noticeHours: 24,
  exConvict: { noticeHours: 72, portIds: ['otay-mesa'] },
  capacityPerWindow: 1_000,
};

/** 500 movements spread over the week's windows at the three ports, 1–10 persons each, some families. */
function plannedWeek(): PlannedMovement[] {
  return Array.from({ length: 500 }, (_, i) => ({
    id: `m${i}`,
    portId: ports[i % ports.length]!.id,
    at: new Date(MONDAY + Math.floor(i / 72) * 24 * HOUR + (8 + (i % 12)) * HOUR).toISOString(),
    status: i % 25 === 0 ? 'cancelled' : 'planned',
    persons: Array.from({ length: 1 + (i % 10) }, (_, j) => (j < 3 ? { familyId: `planned-family-${i}` } : {})),
  }));
}

/** 40 Mexican nationals: adults, families with their children, a few pregnant or ill persons. */
function group(): Person[] {
  const categories: PersonCategory[] = [
    'adult_male',
    'adult_female',
    'accompanied_minor',
    'adult_male',
    'pregnant',
    'ill',
    'adult_female',
    'adult_male',
  ];
  return Array.from({ length: 40 }, (_, i) => ({
    nationality: 'MX',
    category: categories[i % categories.length]!,
    ...(i % 8 < 3 ? { familyId: `family-${Math.floor(i / 8)}` } : {}),
  }));
}

function perSecond(run: () => unknown): number {
  for (let i = 0; i < 2_000; i++) run(); // warm up
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < DURATION_MS) {
    for (let i = 0; i < 500; i++) run();
    count += 500;
    elapsed = performance.now() - started;
  }
  return Math.round((count / elapsed) * 1000);
}

export async function benchRepatriationEngine(): Promise<BenchFigure[]> {
  const prepared = prepareRepatriation({
    arrangements: [arrangement],
    ports,
    movements: plannedWeek(),
    from: new Date(MONDAY - 2 * 24 * HOUR).toISOString(),
    to: new Date(MONDAY + 16 * 24 * HOUR).toISOString(),
  });
  const allowed: CheckBody = {
    portId: 'san-ysidro',
    at: '2026-06-10T10:00:00-07:00',
    consularNoticeAt: '2026-06-09T04:00:00-07:00',
    persons: group(),
  };
  // 20:00 with vulnerable persons, notice 2 h ahead, ex-convicts at a port not theirs, with minors.
  const refused: CheckBody = {
    ...allowed,
    at: '2026-06-10T20:00:00-07:00',
    consularNoticeAt: '2026-06-10T18:00:00-07:00',
    persons: group().map((p, i) => (i % 10 === 9 ? { nationality: 'MX', category: 'ex_convict' } : p)),
  };
  if (!checkRepatriation(prepared, allowed).allowed) throw new Error('bench: the allowed movement was refused');
  const refusedCodes = checkRepatriation(prepared, refused).violations.length;
  if (refusedCodes < 5) throw new Error(`bench: the refused movement broke ${refusedCodes} rules, expected at least 5`);

  const body = JSON.parse(JSON.stringify(allowed)) as unknown;
  const zodParse = perSecond(() => checkBody.parse(body));
  const baselineName = 'zod parse of the same body, per second';
  return [
    {
      name: 'repatriation check, 40 persons vs 500 planned (allowed)',
      value: perSecond(() => checkRepatriation(prepared, allowed)),
      unit: 'evaluations/s',
      baseline: zodParse,
      baselineName,
    },
    {
      name: `repatriation check, 40 persons vs 500 planned (refused, ${refusedCodes} violations)`,
      value: perSecond(() => checkRepatriation(prepared, refused)),
      unit: 'evaluations/s',
      baseline: zodParse,
      baselineName,
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const figure of await benchRepatriationEngine()) {
    console.log(
      `${figure.name}: ${figure.value.toLocaleString('en-US')} ${figure.unit} (${figure.baselineName}: ${figure.baseline.toLocaleString('en-US')})`,
    );
  }
}
