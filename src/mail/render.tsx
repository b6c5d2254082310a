import type { AgencyConfig } from '../config/index.ts';
import { type Locale, translate } from '../i18n/index.ts';

/**
 * What a template produces: already-translated text in blocks. The renderer turns the same blocks into
 * HTML and plain text, so the two never drift apart; hono/jsx escapes every string in the HTML.
 */
export type MailBlock =
  | { type: 'p'; text: string }
  /** Text the user or staff wrote (a question, a reason): set apart, kept verbatim. */
  | { type: 'quote'; text: string }
  | { type: 'fields'; items: [label: string, value: string][] }
  | { type: 'button'; label: string; url: string }
  | { type: 'links'; items: { label: string; url: string }[] };

export type MailContent = { subject: string; heading: string; blocks: MailBlock[] };

const S = {
  body: 'margin:0;padding:0;background:#f3f3f3;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;',
  card: 'max-width:600px;margin:0 auto;background:#ffffff;padding:24px;',
  brand: 'margin:0 0 16px;font-size:14px;color:#4a4a4a;border-bottom:4px solid #8a1538;padding-bottom:8px;',
  h1: 'font-size:22px;margin:0 0 16px;',
  p: 'font-size:16px;line-height:1.5;margin:0 0 16px;',
  quote:
    'font-size:16px;line-height:1.5;margin:0 0 16px;padding:8px 16px;border-left:4px solid #b1b4b6;white-space:pre-wrap;',
  th: 'text-align:left;padding:4px 12px 4px 0;font-size:15px;vertical-align:top;',
  td: 'padding:4px 0;font-size:15px;',
  button:
    'display:inline-block;background:#8a1538;color:#ffffff;padding:12px 20px;text-decoration:none;font-weight:bold;border-radius:4px;',
  small: 'font-size:13px;color:#4a4a4a;line-height:1.4;margin:16px 0 0;',
};

function Block({ block, locale }: { block: MailBlock; locale: Locale }) {
  switch (block.type) {
    case 'p':
      return <p style={S.p}>{block.text}</p>;
    case 'quote':
      return <blockquote style={S.quote}>{block.text}</blockquote>;
    case 'fields':
      return (
        <table role="presentation" style="margin:0 0 16px;border-collapse:collapse;">
          {block.items.map(([label, value]) => (
            <tr>
              <th scope="row" style={S.th}>
                {label}
              </th>
              <td style={S.td}>{value}</td>
            </tr>
          ))}
        </table>
      );
    case 'button':
      return (
        <>
          <p style={S.p}>
            <a href={block.url} style={S.button}>
              {block.label}
            </a>
          </p>
          <p style={S.small}>
            {translate(locale, 'mail.link_fallback')}
            <br />
            {block.url}
          </p>
        </>
      );
    case 'links':
      return (
        <ul style={S.p}>
          {block.items.map((l) => (
            <li>
              <a href={l.url}>{l.label}</a>
            </li>
          ))}
        </ul>
      );
  }
}

function footer(locale: Locale, agency: AgencyConfig): string[] {
  return [
    translate(locale, 'mail.footer.automatic', { agency: agency.name }),
    translate(locale, 'mail.footer.agency', { agency: agency.name, parent: agency.parentEntity }),
  ];
}

export async function renderHtml(
  content: MailContent,
  locale: Locale,
  agency: AgencyConfig,
): Promise<string> {
  const doc = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </head>
      <body style={S.body}>
        <div style={S.card}>
          <p style={S.brand}>
            {translate(locale, 'app.name')} · {agency.shortName}
          </p>
          <h1 style={S.h1}>{content.heading}</h1>
          {content.blocks.map((b) => (
            <Block block={b} locale={locale} />
          ))}
          {footer(locale, agency).map((line) => (
            <p style={S.small}>{line}</p>
          ))}
        </div>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${await doc.toString()}`;
}

export function renderText(content: MailContent, locale: Locale, agency: AgencyConfig): string {
  const parts: string[] = [content.heading.toUpperCase(), ''];
  for (const b of content.blocks) {
    switch (b.type) {
      case 'p':
        parts.push(b.text, '');
        break;
      case 'quote':
        parts.push(...b.text.split(/\r?\n/).map((l) => `> ${l}`), '');
        break;
      case 'fields':
        parts.push(...b.items.map(([label, value]) => `${label}: ${value}`), '');
        break;
      case 'button':
        parts.push(`${b.label}:`, b.url, '');
        break;
      case 'links':
        parts.push(...b.items.map((l) => `- ${l.label}: ${l.url}`), '');
        break;
    }
  }
  parts.push('--', ...footer(locale, agency), '');
  return parts.join('\n');
}
