import type { Hono } from 'hono';
import type { AppEnv } from '../../src/web/context.ts';

/** POST /api/v1/requests as an API client does; a string body is sent as it is (malformed JSON). */
export async function postRequestsApi(
  app: Hono<AppEnv>,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return app.request('/api/v1/requests', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
