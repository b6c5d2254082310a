import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { REQUEST_STATUSES } from '../../domain/request-lifecycle.ts';
import { isMessageKey, translator } from '../../i18n/index.ts';
import { messageKeyOf } from '../../i18n/keys.ts';
import { portalCatalog } from '../../services/requests/catalog.ts';
import { requestDocuments, verificationCodeOf } from '../../services/requests/documents.ts';
import { fieldSchemas } from '../../services/requests/request-input.ts';
import type { RequestRow } from '../../services/requests/request-record.ts';
import { loadByTrackingToken, requesterTimeline } from '../../services/requests/requester-view.ts';
import { submitApiRequest } from '../../services/requests/submit-api-request.ts';
import { trackingUrl } from '../../services/requests/tokens.ts';
import type { AppEnv } from '../context.ts';
import { clientIp, hitRateLimit } from '../rate-limit.ts';
import { sendRequestDocument } from '../requester/download.ts';
import { hitSubmitLimits } from '../submit-limits.ts';
import { jsonSchema, registerApi } from './openapi.ts';

const MAX_IDEMPOTENCY_KEY = 200;

function apiLimit(c: Context<AppEnv>) {
  return hitRateLimit(c.var.deps, 'api:ip', clientIp(c));
}

function created(c: Context<AppEnv>, r: RequestRow, token: string, status: 200 | 201) {
  return c.json(
    {
      folio: r.folio,
      status: r.status,
      dueAt: r.dueAt?.toISOString() ?? null,
      trackingToken: token,
      trackingUrl: trackingUrl(c.var.deps.config.publicBaseUrl, r.folio, token),
    },
    status,
  );
}

export const requestsApi = new Hono<AppEnv>();

requestsApi.post('/requests', async (c) => {
  const { deps, t, locale } = c.var;
  await apiLimit(c);
  const text = await c.req.text();
  let body: unknown;
  try {
    // PostgreSQL text and jsonb cannot hold NUL: drop it from every string.
    body = JSON.parse(text, (_key, v) => (typeof v === 'string' ? v.replace(/\0/g, '') : v));
  } catch {
    throw new InvalidInputError([{ field: 'body', message: t('portal.err.json_invalid') }]);
  }
  const key = c.req.header('idempotency-key')?.trim();
  if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw new InvalidInputError([{ field: 'Idempotency-Key', message: t('portal.err.idempotency_key') }]);
  }
  const result = await submitApiRequest(deps, {
    body,
    bodyText: text,
    idempotencyKey: key,
    locale,
    // A replayed idempotent call is not a submission: the limits count only new ones.
    beforeNewSubmission: () => {
      const email = (body as { requester?: { email?: unknown } } | null)?.requester?.email;
      return hitSubmitLimits(c, typeof email === 'string' ? email : undefined);
    },
  });
  return created(c, result.request, result.trackingToken, result.replayed ? 200 : 201);
});

function bearer(c: Context<AppEnv>): string {
  const h = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+([A-Za-z0-9_-]{10,100})$/.exec(h.trim());
  return m?.[1] ?? '';
}

requestsApi.get('/requests/:folio', async (c) => {
  const { deps, t } = c.var;
  await apiLimit(c);
  const token = bearer(c);
  if (!token) throw new NotFoundError('request');
  const r = await loadByTrackingToken(deps, c.req.param('folio'), token);
  const timeline = await requesterTimeline(deps, r.id);
  const documents = await requestDocuments(deps, r, token);
  const code = await verificationCodeOf(deps, r.id);
  const label = (key: string) => (isMessageKey(key) ? t(key) : undefined);
  return c.json({
    folio: r.folio,
    status: r.status,
    statusLabel: t(messageKeyOf('status.', r.status)),
    dueAt: r.dueAt?.toISOString() ?? null,
    receivedAt: r.receivedAt.toISOString(),
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      event: e.action,
      status: e.toStatus,
      label:
        label(`portal.event.${e.action}`) ??
        (e.toStatus ? label(`status.${e.toStatus}`) : undefined) ??
        e.action,
    })),
    documents: documents.map((d) => ({
      name: d.name,
      kind: d.kind,
      sha256: d.sha256,
      url: `${deps.config.publicBaseUrl}/api/v1/requests/${encodeURIComponent(r.folio)}/documents/${d.sha256}`,
    })),
    ...(code ? { verificationCode: code } : {}),
  });
});

requestsApi.get('/requests/:folio/documents/:sha256', async (c) => {
  await apiLimit(c);
  const token = bearer(c);
  if (!token) throw new NotFoundError('request');
  const r = await loadByTrackingToken(c.var.deps, c.req.param('folio'), token);
  return sendRequestDocument(c, r, c.req.param('sha256'));
});

const bearerHeader = {
  name: 'Authorization',
  in: 'header',
  required: true,
  schema: { type: 'string', examples: ['Bearer <trackingToken>'] },
  description: 'Bearer con el trackingToken recibido al enviar la solicitud.',
};

const trackingResponse = {
  type: 'object',
  required: ['folio', 'status', 'dueAt', 'trackingToken', 'trackingUrl'],
  properties: {
    folio: { type: 'string', examples: ['COESPO-2026-000123'] },
    status: { type: 'string', enum: [...REQUEST_STATUSES] },
    dueAt: { type: ['string', 'null'], format: 'date-time' },
    trackingToken: { type: 'string', description: 'Secreto para consultar la solicitud (Bearer). Guárdalo.' },
    trackingUrl: { type: 'string', format: 'uri' },
  },
};

registerApi({
  tags: [{ name: 'solicitudes', description: 'Solicitudes de información y su seguimiento' }],
  schemas: {
    RequestInput: jsonSchema(z.object(fieldSchemas(translator('es-MX'), portalCatalog()))),
    RequestCreated: trackingResponse,
    RequestStatus: {
      type: 'object',
      required: ['folio', 'status', 'statusLabel', 'dueAt', 'timeline', 'documents'],
      properties: {
        folio: { type: 'string' },
        status: { type: 'string', enum: [...REQUEST_STATUSES] },
        statusLabel: { type: 'string' },
        dueAt: { type: ['string', 'null'], format: 'date-time' },
        receivedAt: { type: 'string', format: 'date-time' },
        timeline: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              at: { type: 'string', format: 'date-time' },
              event: { type: 'string' },
              status: { type: ['string', 'null'] },
              label: { type: 'string' },
            },
          },
        },
        documents: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'kind', 'url', 'sha256'],
            properties: {
              name: { type: 'string' },
              kind: { type: 'string', enum: ['oficio', 'xlsx', 'csv', 'chart', 'map', 'zip'] },
              url: { type: 'string', format: 'uri', description: 'Se descarga con el mismo Bearer token.' },
              sha256: { type: 'string' },
            },
          },
        },
        verificationCode: { type: 'string' },
      },
    },
  },
  paths: {
    '/requests': {
      post: {
        tags: ['solicitudes'],
        summary: 'Enviar una solicitud de información',
        description:
          'Mismas reglas que el formulario. Sin prueba de trabajo; con límite de uso por IP y por correo. Misma persona y misma pregunta en 24 h → 409 con el folio existente.',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', maxLength: MAX_IDEMPOTENCY_KEY },
            description:
              'Repetir la llamada con la misma clave y el mismo cuerpo devuelve la misma solicitud (200).',
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestInput' } } },
        },
        responses: {
          '201': {
            description: 'Solicitud recibida',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestCreated' } } },
          },
          '200': {
            description: 'Repetición con la misma Idempotency-Key',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestCreated' } } },
          },
          '400': {
            description: 'Datos inválidos (nada se guarda)',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/FieldErrors' } } },
          },
          '409': {
            description: 'Solicitud duplicada en las últimas 24 horas',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          '422': { description: 'Idempotency-Key ya usada con otro cuerpo' },
          '429': { description: 'Límite de uso excedido (Retry-After)' },
        },
      },
    },
    '/requests/{folio}': {
      get: {
        tags: ['solicitudes'],
        summary: 'Estado de una solicitud',
        parameters: [{ name: 'folio', in: 'path', required: true, schema: { type: 'string' } }, bearerHeader],
        responses: {
          '200': {
            description: 'Estado, plazo, historial y documentos',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestStatus' } } },
          },
          '404': { description: 'No existe, o el token falta o no corresponde' },
        },
      },
    },
    '/requests/{folio}/documents/{sha256}': {
      get: {
        tags: ['solicitudes'],
        summary: 'Descargar un documento de la respuesta',
        parameters: [
          { name: 'folio', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'sha256', in: 'path', required: true, schema: { type: 'string' } },
          bearerHeader,
        ],
        responses: { '200': { description: 'El archivo' }, '404': { description: 'No encontrado' } },
      },
    },
  },
});
