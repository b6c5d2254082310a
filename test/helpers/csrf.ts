/** The CSRF token of the page's forms, or undefined when it has none. */
export function csrfTokenIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** The CSRF pair a page handed out: its cookie (`dato_csrf=…`, for a Cookie header) and the form token. */
export function csrfOf(page: Response, html: string): { cookie: string; token: string } {
  const cookie = /dato_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')![1]!;
  return { cookie: `dato_csrf=${cookie}`, token: csrfTokenIn(html)! };
}
