import { z, type ZodType } from 'zod';
import { ERRORS } from '../../contracts/errors.js';
import type { RegisteredRoute } from './route.js';

function jsonSchema(schema: ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

/** Builds the OpenAPI 3.1 document from the routes registered with defineRoute. */
export function buildOpenApi(
  routes: RegisteredRoute[],
  info: { title: string; version: string; serverUrl: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: prop,
        });
      }
    }
    parameters.push({
      name: 'Accept-Language',
      in: 'header',
      required: false,
      description: 'vi (mặc định / default) hoặc en',
      schema: { type: 'string', enum: ['vi', 'en'] },
    });
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(r.responses)) responses[status] = { description };
    responses.default = {
      description: 'Lỗi (RFC 9457 problem details) / Error',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}_${path.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '')}`,
      parameters,
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } }
        : {}),
      responses,
      ...(r.security === 'session' ? { security: [{ sessionCookie: [], csrfHeader: [] }] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description:
        'API của Tỉnh Số (tiếng Việt trước, tiếng Anh khi gửi Accept-Language: en). / The Tỉnh Số API.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tinhso_session' },
        csrfHeader: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string', enum: Object.keys(ERRORS) },
            instance: { type: 'string' },
            requestId: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
