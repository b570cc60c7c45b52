import { sql } from 'drizzle-orm';
import type { ClientConfig } from '@shared/client-config.js';
import type { Config } from '@server/core/config.js';
import type { DatabaseKind, Executor } from '@server/core/db.js';

/** How long health waits for the database before answering 503 (a load balancer's probe waits about as long). */
const HEALTH_TIMEOUT_MS = 2_000;

export interface SystemDependencies {
  db: Executor;
  databaseKind: DatabaseKind;
  config: Pick<Config, 'mapStyleUrl' | 'ackDeadlineMinutes'>;
}

/** The deployment's health and the settings its client needs. */
export class SystemService {
  constructor(private readonly deps: SystemDependencies) {}

  get databaseKind(): DatabaseKind {
    return this.deps.databaseKind;
  }

  /** Resolves when the database answers; rejects when it fails or, its own short deadline, is silent. */
  async checkDatabase(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('health check: no answer in time')), HEALTH_TIMEOUT_MS);
    });
    await Promise.race([this.deps.db.execute(sql`select 1`), deadline]).finally(() => clearTimeout(timer));
  }

  clientConfig(): ClientConfig {
    const { mapStyleUrl, ackDeadlineMinutes } = this.deps.config;
    return { mapStyleUrl, ackDeadlineMinutes };
  }
}
