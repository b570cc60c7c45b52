import { sql } from 'drizzle-orm';
import { bilingual } from '@shared/i18n/index.js';
import type { Arrangement, CheckBody, CheckResult } from '@shared/repatriation/contract.js';
import { checkRange, checkRepatriationOnce, type RepatriationData } from '@shared/repatriation/engine.js';
import type { Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Db, Executor, Tx } from '@server/core/db.js';
import { AppError } from '@server/core/errors.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import { CheckSnapshots } from './check-snapshots.js';
import * as repo from './repository.js';

/** How long a check may go without seeing another instance's change (see `CheckSnapshots`). */
const CHECK_SNAPSHOT_TTL_MS = 5_000;

type CheckRequest = Pick<CheckBody, 'portId' | 'at' | 'persons' | 'exercise'>;

/** The engine's data for one request, with the requested port's arrangement the decisions need afterwards. */
interface CheckData extends RepatriationData {
  arrangement: Arrangement | null;
}

export interface CheckDependencies {
  db: Db;
  geography: GeographyApi;
  clock: Clock;
}

/**
 * The rule engine against what the database holds: `POST /check` as an officer types (advice,
 * from a snapshot kept between changes), and the decisions inside a change's transaction
 * (planning, rescheduling, a notice), which read what the transaction holds.
 */
export class CheckService {
  private readonly snapshots: CheckSnapshots;

  constructor(private readonly deps: CheckDependencies) {
    this.snapshots = new CheckSnapshots(deps.db, () => deps.clock.now().getTime(), CHECK_SNAPSHOT_TTL_MS);
  }

  /** `changes` for whoever changes arrangements or movements: the snapshots follow every change once it is over. */
  following(changes: Changes): Changes {
    const changed = () => this.snapshots.changed();
    return {
      run: (actor, work) => changes.run(actor, work).finally(changed),
      write: (actor, build) => changes.write(actor, build).finally(changed),
    };
  }

  async check(body: CheckBody): Promise<CheckResult> {
    const { db, geography, clock } = this.deps;
    const [ports, kept] = await Promise.all([geography.portSummaries(), this.snapshots.read(body)]);
    const data = kept ? { ...kept, ports, arrangements: kept.arrangement ? [kept.arrangement] : [] } : null;
    return checkRepatriationOnce(data ?? (await this.read(db, body)), body, clock.now().getTime());
  }

  /** The engine's verdict on what the transaction holds, without the rules of time (a fact recorded, not a plan). */
  async verdict(tx: Tx, request: CheckBody): Promise<CheckResult> {
    return checkRepatriationOnce(await this.read(tx, request), request);
  }

  /**
   * The arrangement a movement at `request` falls under, or 422 with the engine's verdict.
   * Decisions that read the same counts take turns until the transaction ends: plans and
   * reschedules against one arrangement (capacity), and those naming the same family (family unity).
   */
  async allowed(tx: Tx, request: CheckBody, now: Date): Promise<Arrangement> {
    const arrangement = await repo.arrangementOfPort(tx, request.portId);
    if (arrangement) await repo.lockArrangement(tx, arrangement.id);
    for (const familyId of repo.familyIdsOf(request.persons).sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`family:${familyId}`}))`);
    }
    const data = await this.read(tx, request);
    const verdict = checkRepatriationOnce(data, request, now.getTime());
    if (!verdict.allowed) throw new RulesRefused(verdict);
    // Allowed means the port is in an arrangement.
    return data.arrangement!;
  }

  /**
   * What the engine needs for one request: every port (names and status), the arrangement of the
   * requested port, its movements around the instant and the movements holding the same families.
   * One read after another: a transaction's connection runs one query at a time.
   */
  private async read(db: Executor, request: CheckRequest): Promise<CheckData> {
    const range = checkRange(request.at);
    const ports = await this.deps.geography.portSummaries(db);
    const arrangement = await repo.arrangementOfPort(db, request.portId);
    const movements = await repo.movementsForCheck(db, {
      portId: request.portId,
      from: new Date(range.from),
      to: new Date(range.to),
      familyIds: repo.familyIdsOf(request.persons),
      exercise: request.exercise ?? false,
    });
    return { arrangement, arrangements: arrangement ? [arrangement] : [], ports, movements };
  }
}

/** 422: the engine's verdict; nothing of the change was written. */
export class RulesRefused extends AppError {
  constructor(readonly verdict: CheckResult) {
    super(422, 'not_allowed', bilingual('repatriationError.notAllowed', { count: verdict.violations.length }), {
      extra: { violations: verdict.violations, nextWindows: verdict.nextWindows },
    });
  }
}
