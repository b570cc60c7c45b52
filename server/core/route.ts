import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SessionUser } from '@shared/auth.js';
import { errorBody } from '@shared/errors.js';
import {
  isFileResponse,
  isNoContent,
  type BodyOf,
  type EndpointSpec,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type SuccessResponse,
} from '@shared/http/endpoint.js';
import { unauthorized } from '@server/core/errors.js';

/** What a route's handler is given: the checked input and, behind a session, a user that is there. */
export interface RouteContext<E extends EndpointSpec> {
  user: E['access'] extends 'public' ? SessionUser | null : SessionUser;
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type RouteHandler<E extends EndpointSpec> = (context: RouteContext<E>) => Promise<ResponseOf<E>>;

type App = FastifyInstance | FastifyInstance<never, never, never, never, ZodTypeProvider>;

/**
 * Registers one endpoint of a feature's catalogue (shared/<feature>/endpoints.ts): its access,
 * its input schemas, every answer it may give (the successes it declares, and the refusals any
 * endpoint of its shape may give) for the validator, the serializer and the OpenAPI document.
 * The handler answers with the success body; the status is the endpoint's first success unless
 * the handler sets another one it declares.
 */
export function route<E extends EndpointSpec>(app: App, spec: E, handler: RouteHandler<E>): void {
  const successes = Object.keys(spec.responses)
    .map(Number)
    .sort((a, b) => a - b);
  const first = successes[0];
  if (first === undefined) throw new Error(`${spec.method} ${spec.path}: no success response`);
  const fileType = (status: number) => {
    const response = spec.responses[status];
    return response && isFileResponse(response) ? response.file : null;
  };

  (app as FastifyInstance).route({
    method: spec.method,
    url: spec.path,
    config: {
      ...(spec.access === 'public' ? { public: true } : { permission: spec.access.permission }),
      ...(spec.bodyContentTypes ? { accepts: spec.bodyContentTypes } : {}),
    },
    schema: schemaOf(spec),
    handler: async (request, reply) => {
      const user = request.user;
      if (spec.access !== 'public' && !user) throw unauthorized();
      const answer = await handler({
        user: user as RouteContext<E>['user'],
        params: request.params as ParamsOf<E>,
        query: request.query as QueryOf<E>,
        body: request.body as BodyOf<E>,
        request,
        reply,
      });
      if (!reply.sent && !successes.includes(reply.statusCode)) reply.status(first);
      const type = fileType(reply.statusCode);
      if (type && !reply.hasHeader('content-type')) reply.type(type);
      const answered = spec.responses[reply.statusCode];
      if (answered && isNoContent(answered)) return reply.send();
      return answer;
    },
  });
}

/** The Fastify schema of an endpoint: what the validator, the serializer and @fastify/swagger read. */
function schemaOf(spec: EndpointSpec): FastifySchema {
  const response: Record<number, unknown> = {};
  for (const [status, answer] of Object.entries(spec.responses)) response[Number(status)] = successSchema(answer);
  // A status the endpoint answers itself keeps its own body (health's 503 says which database is away).
  for (const status of refusalStatuses(spec)) response[status] ??= errorBody;
  for (const [status, declared] of Object.entries(spec.errors ?? {})) {
    const { codes, body } = Array.isArray(declared)
      ? { codes: declared as readonly string[], body: errorBody }
      : (declared as { codes: readonly string[]; body: z.ZodType });
    response[Number(status)] = body.describe(`Refused: ${codes.join(', ')}`);
  }
  return {
    tags: [...spec.tags],
    summary: spec.summary,
    ...(spec.access === 'public' ? { security: [] } : {}),
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { querystring: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.bodyContentTypes ? { consumes: [...spec.bodyContentTypes] } : {}),
    response,
  };
}

const fileBody = z.string().describe('The file');
const nothing = z.null().describe('No content');

function successSchema(answer: SuccessResponse): unknown {
  if (isNoContent(answer)) return nothing;
  if (isFileResponse(answer)) {
    const mediaType = answer.file.split(';')[0]!.trim();
    return { description: 'The file', content: { [mediaType]: { schema: answer.schema ?? fileBody } } };
  }
  return answer;
}

/**
 * The refusals any endpoint of this shape may answer, whatever its handler does: input that
 * fails its schemas (400), a URL too long for the router (414), a body too large (413) or of
 * another type (415), no session (401), not allowed or from another site (403), a path that
 * names nothing (404) or another route (405), the database away (503).
 */
function refusalStatuses(spec: EndpointSpec): number[] {
  // 403 on public endpoints too: a change from another site, or a path the file layer refuses (a NUL byte).
  const statuses = [400, 403, 414, 503];
  // A parameter such as `.` or a NUL can make the path another route's, which may take other
  // methods (405) or need a session (401) where this one is public.
  if (spec.access !== 'public' || spec.params) statuses.push(401);
  if (spec.params) statuses.push(404, 405);
  if (spec.method !== 'GET') statuses.push(413, 415);
  return statuses;
}
