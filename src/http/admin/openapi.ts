// The OpenAPI 3.1 document of the admin API, generated from the route declarations.
import type { Route } from './router.js';

export function openApiDocument(routes: Route[], version: string): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.open ? { security: [] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(r.example !== undefined
        ? { requestBody: { content: { 'application/json': { schema: { type: 'object' }, example: r.example } } } }
        : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
        '401': {
          description: 'Missing or wrong admin token',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
        '4XX': { description: 'Refused', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'LocalVPC admin API',
      version,
      description: 'Control of the LocalVPC emulator: accounts, clock, transitions, faults, snapshots, journal.',
    },
    servers: [{ url: '/' }],
    security: [{ adminToken: [] }],
    components: {
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token printed at start (or set with --token / LOCALVPC_ADMIN_TOKEN).',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
    paths,
  };
}
