import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { core } from 'zod';
import type { ErrorBody } from '@shared/errors.js';
import { describeIssue } from '@shared/i18n/validation.js';
import { t } from '@shared/i18n/index.js';
import { AppError } from '@server/core/errors.js';

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
          code: error.code ?? 'bad_request',
          message: error.message,
          messageEs,
        } satisfies ErrorBody);
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send({
        statusCode: 500,
        code: 'internal',
        message: 'Internal Server Error',
        messageEs: t('es', 'error.internal'),
      } satisfies ErrorBody);
    });

    app.setNotFoundHandler((request, reply) => {
      reply.status(404).send({
        statusCode: 404,
        code: 'not_found',
        message: t('en', 'error.notFound'),
        messageEs: t('es', 'error.notFound'),
      } satisfies ErrorBody);
    });
  },
  { name: 'errors' },
);
