import { Hono } from 'hono';
import { z } from 'zod';
import { InvalidInputError } from '../../domain/errors.ts';
import { isMessageKey, type Locale, type MessageKey, translate, translator } from '../../i18n/index.ts';
import { parsePolygon, polygonProblemText } from '../../services/requests/request-input.ts';
import type { AppEnv } from '../context.ts';
import { rateLimit } from '../rate-limit.ts';
import { jsonSchema, registerApi } from './openapi.ts';

const indicatorId = z.string().regex(/^[a-z0-9_]{1,64}$/, 'stats.api.invalid.indicator');
const geoId = z.string().min(1, 'stats.api.invalid.geo').max(4000, 'stats.api.invalid.geo');
const year = z.coerce
  .number('stats.api.invalid.year')
  .int('stats.api.invalid.year')
  .min(1900, 'stats.api.invalid.year')
  .max(2100, 'stats.api.invalid.year');

const geographiesQuery = z.object({
  level: z.enum(['state', 'mun', 'region', 'zm'], 'stats.api.invalid.level').optional(),
});
const valuesQuery = z.object({ indicator: indicatorId, geo: geoId, year: year.optional() });
const tableBody = z.object({
  indicators: z
    .array(indicatorId, 'stats.api.invalid.indicators')
    .min(1, 'stats.api.invalid.indicators')
    .max(60),
  geo: z.union([geoId, z.record(z.string(), z.unknown())], 'stats.api.invalid.geo'),
  years: z.array(year, 'stats.api.invalid.years').max(200).optional(),
});

/** zod → InvalidInputError with messages in the caller's language (schema messages are catalog keys). */
function parse<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String)[0] ?? 'body';
    const key = (isMessageKey(issue.message) ? issue.message : 'stats.error.query_invalid') as MessageKey;
    if (!fields.has(field)) fields.set(field, translate(locale, key));
  }
  throw new InvalidInputError([...fields].map(([field, message]) => ({ field, message })));
}

/** A GET `geo` may also carry a GeoJSON polygon (URL-encoded JSON). */
function geoParam(geo: string, locale: Locale): string | unknown {
  if (!geo.trimStart().startsWith('{')) return geo;
  try {
    return checkedPolygon(JSON.parse(geo) as unknown, locale);
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    return geo;
  }
}

/**
 * A polygon passes the intake's checks (one parser, `parsePolygon`: GeoJSON Polygon, MultiPolygon,
 * Feature or FeatureCollection, at most LIMITS.geojsonVertices vertices and LIMITS.geojsonBytes, not
 * degenerate, self-intersecting or across the antimeridian) before the engine clips anything: a
 * 40,000-vertex polygon froze the server for 34 s (issue 16, finding 5). Otherwise a Spanish 400
 * saying what is wrong.
 */
function checkedPolygon(geo: unknown, locale: Locale): unknown {
  if (typeof geo === 'string') return geo;
  const checked = parsePolygon(geo);
  if (!checked.ok)
    throw new InvalidInputError([{ field: 'geo', message: polygonProblemText(translator(locale), checked) }]);
  return checked.geometry;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// The per-IP limit the API documents (RATE_LIMIT_API_PER_IP_MINUTE), before any parsing. Per route: a
// '*' middleware here would also run for the routers mounted after this one at /api/v1.
const apiLimit = rateLimit('api:ip');

export const statsApiRoutes = new Hono<AppEnv>()
  .get('/indicators', apiLimit, (c) => c.json(c.var.deps.stats.indicators(c.var.locale)))
  .get('/topics', apiLimit, (c) => c.json(c.var.deps.stats.topics(c.var.locale)))
  .get('/geographies', apiLimit, (c) => {
    const q = parse(geographiesQuery, c.req.query(), c.var.locale);
    return c.json(c.var.deps.stats.geographies(q.level));
  })
  .get('/datasets', apiLimit, (c) => c.json(c.var.deps.stats.datasets()))
  .get('/values', apiLimit, (c) => {
    const q = parse(valuesQuery, c.req.query(), c.var.locale);
    return c.json(
      c.var.deps.stats.value(
        { indicator: q.indicator, geo: geoParam(q.geo, c.var.locale), year: q.year },
        c.var.locale,
      ),
    );
  })
  .post('/values', apiLimit, async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new InvalidInputError([
        { field: 'body', message: translate(c.var.locale, 'stats.api.invalid.body') },
      ]);
    }
    const q = parse(tableBody, body, c.var.locale);
    const geo = checkedPolygon(q.geo, c.var.locale);
    if (typeof geo !== 'string') {
      // A polygon is checked, clipped and computed in three turns of the event loop, so that other
      // requests (/healthz, pages) are served between them; the engine keeps the clipped polygon.
      await nextTurn();
      c.var.deps.stats.resolveGeo(geo, c.var.locale);
      await nextTurn();
    }
    return c.json(c.var.deps.stats.table({ ...q, geo }, c.var.locale));
  });

// ---- OpenAPI ----

/** The OpenAPI document is in Spanish (the service's language): its texts come from the es-MX catalog. */
const es = (key: MessageKey) => translate('es-MX', key);
const TAG = es('stats.openapi.tag_name');

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  '400': json(ref('FieldErrors'), es('stats.openapi.error.400')),
  '404': json(ref('Error'), es('stats.openapi.error.404')),
  '422': json(ref('Error'), es('stats.openapi.error.422')),
};
const geoDescription = es('stats.openapi.geo');

registerApi({
  tags: [{ name: TAG, description: es('stats.openapi.tag') }],
  schemas: {
    Indicator: {
      type: 'object',
      required: ['id', 'name', 'definition', 'unit', 'topic', 'aggregation', 'years', 'levels', 'source'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        definition: { type: 'string' },
        unit: { type: 'string' },
        unitLabel: { type: 'string' },
        topic: { type: 'string' },
        topicName: { type: 'string' },
        aggregation: { enum: ['sum', 'ratio', 'not_aggregable'] },
        years: { type: 'array', items: { type: 'integer' } },
        levels: { type: 'array', items: { enum: ['state', 'mun', 'region', 'zm', 'set', 'polygon'] } },
        source: {
          type: 'object',
          properties: { dataset: { type: 'string' }, title: { type: 'string' }, table: { type: 'string' } },
        },
        loaded: { type: 'boolean' },
      },
    },
    Geography: {
      type: 'object',
      required: ['id', 'name', 'level', 'members'],
      properties: {
        id: { type: 'string', examples: ['mun:15033', 'region:6', 'zm:15.02'] },
        name: { type: 'string' },
        level: { enum: ['state', 'mun', 'region', 'zm'] },
        members: { type: 'array', items: { type: 'string' } },
        scheme: {
          type: 'object',
          properties: { id: { type: 'string' }, name: { type: 'string' }, year: { type: 'integer' } },
        },
      },
    },
    Value: {
      type: 'object',
      required: [
        'indicator',
        'geo',
        'geoName',
        'year',
        'value',
        'numerator',
        'denominator',
        'unit',
        'source',
        'notes',
      ],
      properties: {
        indicator: { type: 'string' },
        indicatorName: { type: 'string' },
        geo: { type: 'string' },
        geoName: { type: 'string' },
        year: { type: 'integer' },
        value: { type: ['number', 'string', 'null'] },
        numerator: { type: ['number', 'null'] },
        denominator: { type: ['number', 'null'] },
        unit: { type: 'string' },
        unitLabel: { type: 'string' },
        decimals: { type: 'integer' },
        status: { enum: ['ok', 'partial', 'suppressed', 'not_available', 'not_applicable'] },
        source: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              dataset: { type: 'string' },
              title: { type: 'string' },
              edition: { type: ['string', 'null'] },
              table: { type: 'string' },
            },
          },
        },
        notes: { type: 'array', items: { type: 'string' } },
        breakdown: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              key: { type: 'string' },
              male: { type: ['number', 'null'] },
              female: { type: ['number', 'null'] },
              maleCv: { type: ['number', 'null'] },
              femaleCv: { type: ['number', 'null'] },
            },
          },
        },
        cv: { type: ['number', 'null'] },
        cvLevel: { enum: ['high', 'moderate', 'low'] },
      },
    },
    ValueTable: {
      type: 'object',
      required: ['geo', 'geoName', 'level', 'rows', 'notes'],
      properties: {
        geo: { type: 'string' },
        geoName: { type: 'string' },
        level: { type: 'string' },
        rows: { type: 'array', items: ref('Value') },
        notes: { type: 'array', items: { type: 'string' } },
      },
    },
    ValuesRequest: jsonSchema(tableBody),
  },
  paths: {
    '/indicators': {
      get: {
        tags: [TAG],
        summary: es('stats.openapi.indicators.summary'),
        responses: {
          '200': json({ type: 'array', items: ref('Indicator') }, es('stats.openapi.indicators.response')),
        },
      },
    },
    '/topics': {
      get: {
        tags: [TAG],
        summary: es('stats.openapi.topics.summary'),
        responses: {
          '200': json({ type: 'array', items: { type: 'object' } }, es('stats.openapi.topics.response')),
        },
      },
    },
    '/geographies': {
      get: {
        tags: [TAG],
        summary: es('stats.openapi.geographies.summary'),
        parameters: [
          { name: 'level', in: 'query', required: false, schema: { enum: ['state', 'mun', 'region', 'zm'] } },
        ],
        responses: {
          '200': json({ type: 'array', items: ref('Geography') }, es('stats.openapi.geographies.response')),
          '400': errors['400'],
        },
      },
    },
    '/datasets': {
      get: {
        tags: [TAG],
        summary: es('stats.openapi.datasets.summary'),
        responses: {
          '200': json({ type: 'array', items: { type: 'object' } }, es('stats.openapi.datasets.response')),
        },
      },
    },
    '/values': {
      get: {
        tags: [TAG],
        summary: es('stats.openapi.value.summary'),
        parameters: [
          { name: 'indicator', in: 'query', required: true, schema: { type: 'string' } },
          {
            name: 'geo',
            in: 'query',
            required: true,
            description: geoDescription,
            schema: { type: 'string' },
          },
          {
            name: 'year',
            in: 'query',
            required: false,
            description: es('stats.openapi.value.year'),
            schema: { type: 'integer' },
          },
        ],
        responses: { '200': json(ref('Value'), es('stats.openapi.value.response')), ...errors },
      },
      post: {
        tags: [TAG],
        summary: es('stats.openapi.table.summary'),
        requestBody: { required: true, content: { 'application/json': { schema: ref('ValuesRequest') } } },
        responses: { '200': json(ref('ValueTable'), es('stats.openapi.table.response')), ...errors },
      },
    },
  },
});
