import type { AuditPage } from '@shared/audit/contract.js';
import type { Executor } from '@server/core/db.js';
import { auditPageOf } from './repository.js';

/** Reading the append-only audit log, a page at a time. */
export class AuditService {
  constructor(private readonly deps: { db: Executor }) {}

  /** Newest first, `limit` entries before the entry `before` when given. */
  page(limit: number, before: number | undefined): Promise<AuditPage> {
    return auditPageOf(this.deps.db, limit, before);
  }
}
