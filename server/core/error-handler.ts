import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { core } from 'zod';
import type { ErrorBody, ErrorCode } from '@shared/errors.js';
import { describeIssue } from '@shared/i18n/validation.js';
import { t } from '@shared/i18n/index.js';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { AppError } from '@server/core/errors.js';
import { isDatabaseUnavailable } from '@server/core/db.js';

/** What a 503 asks the client to wait: about as long as a PostgreSQL restart or failover takes. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The error as logged: drizzle's failed-query error carries its parameters (people's names,
 * phone numbers, notes) in its message; the log keeps the SQL and pg's own error only.
 */
export function redacted(error: unknown): unknown {
  if (!(error instanceof Error) || !('query' in error) || !('params' in error)) return error;
  const safe = new Error(`Failed query: ${String(error.query)}`, { cause: error.cause });
  safe.stack = `${safe.message}\n${error.stack?.split('\n').slice(2).join('\n') ?? ''}`;
  return safe;
}

/** Fastify's own refusals under the console's codes (shared/errors.ts), so clients see one vocabulary. */
function fastifyCode(status: number, code: string | undefined): ErrorCode {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 414) return 'uri_too_long';
  if (status === 429) return 'too_many_requests';
  if (code?.startsWith('FST_ERR_CTP')) return 'malformed_body';
  return 'bad_request';
}

/**
 * Fastify's `frameworkErrors` option: a URL no decoder takes (`%zz`) is refused before any
 * route runs, and would otherwise answer in Fastify's own shape; here it is the console's.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(400).send({
    statusCode: 400,
    code: 'bad_request',
    message: `${t('en', 'error.badUrl')} (${error.code})`,
    messageEs: t('es', 'error.badUrl'),
  } satisfies ErrorBody);
}

const METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The one error handler: 4xx say what was wrong (field by field, in both languages);
 * 5xx say only "Internal Server Error" and are logged with the request.
 */
export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        const body: ErrorBody = {
          statusCode: error.statusCode,
          code: error.code,
          message: error.message,
          messageEs: error.messageEs,
        };
        if (error.options.fields) body.fields = error.options.fields;
        return reply.status(error.statusCode).send({ ...body, ...error.options.extra });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const root = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
        const fields = error.validation.map((v) => {
          const issue = {
            ...v.params,
            // A schema's own words (`whenMissing`) travel as the issue's message.
            message: v.message,
            code: v.keyword,
            path: v.instancePath.split('/').filter(Boolean),
          } as unknown as core.$ZodIssue;
          return describeIssue(issue, root);
        });
        return reply.status(400).send({
          statusCode: 400,
          code: 'validation_failed',
          message: fields.map((f) => `${f.path || 'body'}: ${f.message.en}`).join('; '),
          messageEs: fields.map((f) => `${f.path || 'cuerpo'}: ${f.message.es}`).join('; '),
          fields,
        } satisfies ErrorBody);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Fastify's own 4xx: malformed JSON, wrong content type, body too large, rate limit.
        const messageEs =
          status === 429
            ? t('es', 'error.tooManyRequests')
            : error.code?.startsWith('FST_ERR_CTP')
              ? t('es', 'validation.body')
              : error.message;
        return reply.status(status).send({
          statusCode: status,
          code: fastifyCode(status, error.code),
          message: error.message,
          messageEs,
        } satisfies ErrorBody);
      }
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: redacted(error) }, 'database unavailable');
        return reply
          .status(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send({
            statusCode: 503,
            code: 'database_unavailable',
            message: t('en', 'error.databaseUnavailable'),
            messageEs: t('es', 'error.databaseUnavailable'),
          } satisfies ErrorBody);
      }
      request.log.error({ err: redacted(error) }, 'unhandled error');
      return reply.status(500).send({
        statusCode: 500,
        code: 'internal',
        message: 'Internal Server Error',
        messageEs: t('es', 'error.internal'),
      } satisfies ErrorBody);
    });

    // Every route's path in a router of its own, to tell "no such path" (404) from "not with
    // this method" (405 with Allow). The client's catch-all file route is left out.
    const paths = FindMyWay();
    app.addHook('onRoute', (route) => {
      if (route.url.includes('*')) return;
      for (const method of [route.method].flat())
        if (METHODS.includes(method) && !paths.hasRoute(method as HTTPMethod, route.url))
          paths.on(method as HTTPMethod, route.url, () => {});
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]!;
      const allowed = METHODS.filter((method) => paths.find(method as HTTPMethod, path) !== null);
      if (allowed.length > 0 && !allowed.includes(request.method))
        return reply
          .status(405)
          .header('allow', allowed.join(', '))
          .send({
            statusCode: 405,
            code: 'method_not_allowed',
            message: t('en', 'error.methodNotAllowed'),
            messageEs: t('es', 'error.methodNotAllowed'),
          } satisfies ErrorBody);
      return reply.status(404).send({
        statusCode: 404,
        code: 'not_found',
        message: t('en', 'error.notFound'),
        messageEs: t('es', 'error.notFound'),
      } satisfies ErrorBody);
    });
  },
  { name: 'errors' },
);
