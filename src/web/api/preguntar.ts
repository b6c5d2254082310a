import { Hono } from 'hono';
import { z } from 'zod';
import { ANONYMOUS } from '../../domain/actor.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { type MessageKey, translate } from '../../i18n/index.ts';
import { answerQuestion, MAX_QUESTION_LENGTH } from '../../services/ask/answer-question.ts';
import type { AppEnv } from '../context.ts';
import { rateLimit } from '../rate-limit.ts';
import { registerApi } from './openapi.ts';

const query = z.object({ q: z.string().trim().min(1).max(MAX_QUESTION_LENGTH) });

/** GET /api/v1/preguntar?q=… — the question box as JSON (issue 20); `answers` is empty when not answerable. */
export const askApiRoutes = new Hono<AppEnv>().get('/preguntar', rateLimit('api:ip'), (c) => {
  const parsed = query.safeParse(c.req.query());
  if (!parsed.success)
    throw new InvalidInputError([
      { field: 'q', message: translate(c.var.locale, 'ask.api.invalid_q', { max: MAX_QUESTION_LENGTH }) },
    ]);
  return c.json(answerQuestion(c.var.deps, ANONYMOUS, { q: parsed.data.q, locale: c.var.locale }));
});

// ---- OpenAPI (in Spanish, like the rest of the document) ----

const es = (key: MessageKey) => translate('es-MX', key);
const str = { type: 'string' };
const strings = { type: 'array', items: str };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

registerApi({
  schemas: {
    AskAnswer: {
      type: 'object',
      required: ['indicator', 'geo', 'year', 'value', 'unit', 'text', 'source'],
      properties: {
        indicator: str,
        indicatorName: str,
        geo: str,
        geoName: str,
        year: { type: 'integer' },
        value: { type: ['number', 'string', 'null'] },
        formatted: str,
        unit: str,
        unitLabel: str,
        text: { type: 'string', description: es('ask.openapi.text') },
        definition: str,
        source: { type: 'array', items: { type: 'object' } },
        citation: str,
        notes: strings,
        table: {
          type: 'array',
          items: ref('Value'),
          description: es('ask.openapi.table'),
        },
      },
    },
    AskResult: {
      type: 'object',
      required: ['question', 'answers', 'understood', 'suggestions', 'requestUrl'],
      properties: {
        question: str,
        answers: { type: 'array', items: ref('AskAnswer') },
        understood: {
          type: 'object',
          properties: {
            indicators: { type: 'array', items: { type: 'object' } },
            places: { type: 'array', items: { type: 'object' } },
            placeDefaulted: { type: 'boolean' },
            ambiguous: { type: 'array', items: { type: 'object' } },
            outside: strings,
            years: { type: 'array', items: { type: 'integer' } },
            yearDefaulted: { type: 'boolean' },
            unknownWords: strings,
            corrections: { type: 'array', items: { type: 'object' } },
          },
        },
        reason: {
          enum: [
            'empty',
            'unknown_words',
            'outside',
            'ambiguous_place',
            'no_indicator',
            'not_available',
            null,
          ],
        },
        reasonText: { type: ['string', 'null'] },
        suggestions: {
          type: 'array',
          items: {
            type: 'object',
            properties: { kind: { enum: ['indicator', 'place'] }, id: str, name: str, question: str },
          },
        },
        request: {
          type: 'object',
          properties: {
            indicators: strings,
            geo: { type: ['string', 'null'] },
            years: { type: 'array', items: { type: 'integer' } },
            otherText: { type: ['string', 'null'] },
          },
        },
        requestUrl: {
          type: 'string',
          format: 'uri',
          description: es('ask.openapi.request_url'),
        },
      },
    },
  },
  paths: {
    '/preguntar': {
      get: {
        tags: [es('stats.openapi.tag_name')],
        summary: es('ask.openapi.summary'),
        description: es('ask.openapi.description'),
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            description: es('ask.openapi.q'),
            schema: { type: 'string', maxLength: MAX_QUESTION_LENGTH },
          },
        ],
        responses: {
          '200': {
            description: es('ask.openapi.response'),
            content: { 'application/json': { schema: ref('AskResult') } },
          },
          '400': {
            description: es('stats.openapi.error.400'),
            content: { 'application/json': { schema: ref('FieldErrors') } },
          },
        },
      },
    },
  },
});
