/**
 * The OpenAPI 3.1 document of /api/v1, built from what each area registers. An area's API module calls
 * `registerApi({ paths, schemas })` when it loads; GET /api/v1/openapi.json serves the merged document.
 * Request/response schemas can be written as zod and converted with `jsonSchema(schema)`.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';

type Json = Record<string, unknown>;

const registry = {
  paths: {} as Record<string, Json>,
  schemas: {} as Record<string, Json>,
  tags: [] as Json[],
};

export function registerApi(part: {
  paths?: Record<string, Json>;
  schemas?: Record<string, Json>;
  tags?: Json[];
}) {
  for (const [path, item] of Object.entries(part.paths ?? {}))
    registry.paths[path] = { ...(registry.paths[path] ?? {}), ...item };
  Object.assign(registry.schemas, part.schemas ?? {});
  for (const tag of part.tags ?? [])
    if (!registry.tags.some((t) => t.name === tag.name)) registry.tags.push(tag);
}

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, without the `$schema` header. */
export function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/** The error bodies the one error mapper (src/web/errors.tsx) produces. */
registerApi({
  schemas: {
    Error: {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: { code: { type: 'string' }, message: { type: 'string' } },
          required: ['code', 'message'],
        },
      },
      required: ['error'],
    },
    FieldErrors: {
      type: 'object',
      properties: {
        errors: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, message: { type: 'string' } },
            required: ['field', 'message'],
          },
        },
      },
      required: ['errors'],
    },
  },
});

export function openApiDocument(opts: { title: string; description: string; serverUrl: string }): Json {
  return {
    openapi: '3.1.0',
    info: { title: opts.title, version: '1.0.0', description: opts.description },
    servers: [{ url: `${opts.serverUrl}/api/v1` }],
    tags: registry.tags,
    paths: Object.fromEntries(Object.entries(registry.paths).sort(([a], [b]) => a.localeCompare(b))),
    components: { schemas: registry.schemas },
  };
}

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => {
  const { t, deps } = c.var;
  return c.json(
    openApiDocument({
      title: t('app.name'),
      description: t('stats.api.description', { agency: deps.config.agency.shortName }),
      serverUrl: deps.config.publicBaseUrl,
    }),
  );
});
