import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode, InvalidInputError, RateLimitedError } from '../domain/errors.ts';
import { isMessageKey } from '../i18n/index.ts';
import type { AppEnv } from './context.ts';
import { renderPage } from './render.tsx';

const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  invalid_input: 400,
  forbidden: 403,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

/** API clients get JSON; browsers get a page. */
export function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');
}

function messageFor(c: Context<AppEnv>, err: AppError): string {
  const key = isMessageKey(err.messageKey) ? err.messageKey : `error.${err.code}`;
  return c.var.t(isMessageKey(key) ? key : 'error.generic', err.params);
}

/**
 * The one error mapper: domain errors → HTTP status + Spanish message (page or JSON).
 * Anything else is a 500: logged with the request id, shown without details.
 */
export async function handleError(err: Error, c: Context<AppEnv>): Promise<Response> {
  if (err instanceof AppError) {
    const status = STATUS_BY_CODE[err.code];
    const message = messageFor(c, err);
    if (err instanceof RateLimitedError) c.header('Retry-After', String(err.retryAfterSeconds));
    if (wantsJson(c)) {
      if (err instanceof InvalidInputError) return c.json({ errors: err.fields }, status);
      return c.json({ error: { code: err.code, message } }, status);
    }
    if (err.code === 'not_found') return notFoundPage(c);
    return renderPage(
      c,
      { title: message, status },
      <>
        <h1>{message}</h1>
        {err instanceof InvalidInputError ? (
          <ul>
            {err.fields.map((f) => (
              <li>{f.message}</li>
            ))}
          </ul>
        ) : null}
        <p>
          <a href="/">{c.var.t('error.back_home')}</a>
        </p>
      </>,
    );
  }
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as ContentfulStatusCode;
    const message = status === 413 ? c.var.t('error.body_too_large') : c.var.t('error.generic');
    if (wantsJson(c)) return c.json({ error: { code: 'invalid_input', message } }, status);
    return renderPage(c, { title: message, status }, <h1>{message}</h1>);
  }
  c.var.deps.logger.error({ err, requestId: c.var.requestId, path: c.req.path }, 'unhandled error');
  const { t } = c.var;
  if (wantsJson(c)) {
    return c.json(
      { error: { code: 'internal', message: t('error.generic'), requestId: c.var.requestId } },
      500,
    );
  }
  return renderPage(
    c,
    { title: t('error.server.title'), status: 500 },
    <>
      <h1>{t('error.server.title')}</h1>
      <p>{t('error.server.body', { requestId: c.var.requestId })}</p>
    </>,
  );
}

export async function notFoundPage(c: Context<AppEnv>): Promise<Response> {
  const { t } = c.var;
  if (wantsJson(c)) return c.json({ error: { code: 'not_found', message: t('error.not_found.page') } }, 404);
  return renderPage(
    c,
    { title: t('error.not_found.title'), status: 404 },
    <>
      <h1>{t('error.not_found.title')}</h1>
      <p>{t('error.not_found.body')}</p>
      <p>
        <a href="/">{t('error.back_home')}</a>
      </p>
    </>,
  );
}
