import { ref } from '@shared/i18n/index.js';
import { invalidField } from '@server/core/errors.js';

const MS_PER_DAY = 86_400_000;
/** `/windows` and `/movements` without a range: the coming week. */
const DEFAULT_RANGE_DAYS = 7;

/** The [from, to) a list covers: the query's, filled in with the coming week from `now`. */
export function listRange(query: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const from = query.from ? new Date(query.from) : now;
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_RANGE_DAYS * MS_PER_DAY);
  if (to <= from) throw invalidField('querystring.to', ref('validation.invalid'));
  return { from, to };
}

/** 400 when a list's query names a port that does not exist. */
export function requireListedPort(ports: ReadonlyArray<{ id: string }>, portId: string): void {
  if (!ports.some((p) => p.id === portId))
    throw invalidField('querystring.port', ref('repatriationError.unknownPort', { port: portId }));
}
