import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from '@server/core/config.js';

const levels: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** pino's own fields, shown in the line's fixed part or not at all. */
const fixed = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

/**
 * One pino entry as a line a person reads on a terminal:
 * `14:02:07 INFO  Border Operations Console listening on http://127.0.0.1:3000 …  reqId=req-1`.
 * (pino-pretty is not a dependency; this is all a terminal needs.)
 */
export function textLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(Number(entry.time)).toTimeString().slice(0, 8);
  const level = (levels[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const extra = Object.entries(entry)
    .filter(([key]) => !fixed.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [time, level, entry.msg ?? '', ...extra].join(' ').trimEnd() + '\n';
}

/**
 * The app's logger: per-request lines only at `debug` (Fastify's own request logging is off,
 * see `app.ts`), readable text on a terminal, pino's JSON lines for a collector.
 */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  const text = config.logFormat === 'text' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  if (!text) return { level: config.logLevel };
  return { level: config.logLevel, stream: { write: (line: string) => void process.stdout.write(textLine(line)) } };
}

/**
 * Fastify's own per-request lines (two per request at `info`) become one line at `debug`,
 * so an operator's terminal shows what the console does rather than every request a
 * browser makes; a request that fails still logs at `error`.
 */
export class RequestLogAtDebug extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    request.log.debug(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  }
}
