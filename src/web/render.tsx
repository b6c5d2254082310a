import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from './components/layout.tsx';
import type { AppEnv } from './context.ts';

/** Renders a full HTML document (with its doctype) around the page content. */
export async function renderPage(
  c: Context<AppEnv>,
  opts: { title: string; status?: ContentfulStatusCode; scripts?: string[] },
  content: Child,
): Promise<Response> {
  const page = (
    <Layout c={c} title={opts.title} scripts={opts.scripts ?? []}>
      {content}
    </Layout>
  );
  return c.html(`<!DOCTYPE html>${await page.toString()}`, opts.status ?? 200);
}
