import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document, built from the zod schemas of every route registered after it (so it
 * comes before the core's routes and the features).
 */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(fastifySwagger, {
      openapi: {
        // 3.1: JSON Schema 2020-12, where a nullable enum lists null (3.0's `nullable` cannot say it).
        openapi: '3.1.0',
        info: { title: 'Border Operations Console API', version: '0.1.0' },
        components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
        security: [{ session: [] }],
      },
      transform: jsonSchemaTransform,
    });
  },
  { name: 'openapi' },
);

/** Its reader at /api/docs: registered after the access check, which its routes need a permission for. */
export const apiDocsPlugin = fp(
  async (app) => {
    await app.register(async (docs) => {
      // The API reference is for signed-in users like the API it describes.
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, permission: 'apiDocs.read' };
      });
      await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    });
  },
  { name: 'api-docs', dependencies: ['openapi'] },
);
