import { Hono } from 'hono';
import { type MessageKey, translate } from '../../i18n/index.ts';
import { parseResultsFilters } from '../../services/results/filters.ts';
import { getPublicServiceStats } from '../../services/results/get-public-service-stats.ts';
import { municipalityName } from '../../services/results/measure-table.ts';
import { MIN_PUBLIC_COUNT, SMALL_COUNT } from '../../services/results/public-stats.ts';
import type { AppEnv } from '../context.ts';
import { clientIp, hitRateLimit } from '../rate-limit.ts';
import { registerApi } from './openapi.ts';

/** GET /api/v1/service-stats?year=2026: the public statistics of the service as JSON. */
export const serviceStatsApi = new Hono<AppEnv>().get('/service-stats', async (c) => {
  const { deps, t } = c.var;
  await hitRateLimit(deps, 'api:ip', clientIp(c));
  const { year } = parseResultsFilters({ year: c.req.query('year') }, t, deps.clock.now());
  const r = await getPublicServiceStats(deps, year);
  const named = (y: typeof r.current) => ({
    ...y,
    total: {
      ...y.total,
      topMunicipalities: y.total.topMunicipalities.map((m) => ({ ...m, name: municipalityName(m.code) })),
    },
  });
  return c.json({
    year: r.year,
    previousYear: r.previous.year,
    fromMonth: r.fromMonth,
    toMonth: r.toMonth,
    slaWorkingHours: r.slaHours,
    timeZone: deps.config.agency.timezone,
    generatedAt: deps.clock.now().toISOString(),
    smallCounts: { below: MIN_PUBLIC_COUNT, shownAs: SMALL_COUNT },
    definitions: `${deps.config.publicBaseUrl}/estadisticas#definiciones`,
    current: named(r.current),
    previous: named(r.previous),
  });
});

const count = { $ref: '#/components/schemas/StatCount' };
const countMap = { type: 'object', additionalProperties: count };
const hoursOrNull = { type: ['number', 'null'] };
const period = {
  type: 'object',
  properties: {
    ...Object.fromEntries(
      [
        'received',
        'answered',
        'answeredAuto',
        'answeredStaff',
        'rejected',
        'cancelled',
        'expired',
        'pending',
        'requesters',
        'newRequesters',
        'returningRequesters',
        'overdue',
      ].map((k) => [k, count]),
    ),
    bySector: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { requests: count, requesters: count } },
    },
    topics: countMap,
    geoLevels: countMap,
    topMunicipalities: {
      type: 'array',
      items: {
        type: 'object',
        properties: { code: { type: 'string' }, name: { type: 'string' }, requests: count },
      },
    },
    answerTime: {
      type: 'object',
      properties: {
        count,
        medianHours: hoursOrNull,
        p90Hours: hoursOrNull,
        withinSla: count,
        withinSlaShare: hoursOrNull,
      },
    },
    stageMedianHours: {
      type: 'object',
      properties: { triage: hoursOrNull, preparation: hoursOrNull, approval: hoursOrNull },
    },
    survey: {
      type: 'object',
      properties: {
        responses: count,
        answered: { type: 'object', properties: { yes: count, partly: count, no: count } },
        ease: countMap,
        meanEase: hoursOrNull,
        comments: count,
      },
    },
  },
};
const yearMeasures = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    total: { $ref: '#/components/schemas/ServicePeriodStats' },
    months: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          month: { type: 'integer', minimum: 1, maximum: 12 },
          future: { type: 'boolean' },
          measures: { $ref: '#/components/schemas/ServicePeriodStats' },
        },
      },
    },
  },
};

/** The OpenAPI document is in Spanish (the service's language): its texts come from the es-MX catalog. */
const es = (key: MessageKey) => translate('es-MX', key);
const TAG = es('results.openapi.tag_name');

registerApi({
  tags: [{ name: TAG, description: es('results.openapi.tag') }],
  schemas: {
    StatCount: {
      description: es('results.openapi.count'),
      oneOf: [{ type: 'integer', minimum: 0 }, { const: SMALL_COUNT }],
    },
    ServicePeriodStats: period,
    ServiceStats: {
      type: 'object',
      required: ['year', 'previousYear', 'current', 'previous'],
      properties: {
        year: { type: 'integer' },
        previousYear: { type: 'integer' },
        fromMonth: { type: 'integer' },
        toMonth: { type: 'integer' },
        slaWorkingHours: { type: 'number' },
        timeZone: { type: 'string' },
        generatedAt: { type: 'string', format: 'date-time' },
        smallCounts: {
          type: 'object',
          properties: { below: { type: 'integer' }, shownAs: { type: 'string' } },
        },
        definitions: { type: 'string', format: 'uri' },
        current: yearMeasures,
        previous: yearMeasures,
      },
    },
  },
  paths: {
    '/service-stats': {
      get: {
        tags: [TAG],
        summary: es('results.openapi.summary'),
        description: es('results.openapi.description'),
        parameters: [
          {
            name: 'year',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 2000, maximum: 2100 },
          },
        ],
        responses: {
          '200': {
            description: es('results.openapi.response'),
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ServiceStats' } } },
          },
          '400': {
            description: es('results.openapi.bad_year'),
            content: { 'application/json': { schema: { $ref: '#/components/schemas/FieldErrors' } } },
          },
        },
      },
    },
  },
});
