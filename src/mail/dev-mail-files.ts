import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Actor } from '../domain/actor.ts';
import { NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/permissions.ts';
import type { Deps } from '../services/deps.ts';
import { mailDir } from './transport.ts';

export type DevMailSummary = {
  /** The file name, e.g. `3f2a….eml`: the page's public id of the message. */
  id: string;
  date: Date;
  to: string;
  subject: string;
  attachments: string[];
};

const FILE = /^[0-9a-f]{24}\.eml$/;

function addresses(v: { text: string } | { text: string }[] | undefined): string {
  if (!v) return '';
  return Array.isArray(v) ? v.map((a) => a.text).join(', ') : v.text;
}

async function parse(dir: string, id: string) {
  const parsed = await simpleParser(readFileSync(join(dir, id)));
  return {
    parsed,
    summary: {
      id,
      date: parsed.date ?? statSync(join(dir, id)).mtime,
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      attachments: parsed.attachments.map((a) => a.filename ?? a.contentType),
    } satisfies DevMailSummary,
  };
}

/** The development mail (.eml files under DATA_DIR/mail), newest first. */
export async function listDevMails(deps: Deps, actor: Actor, limit = 100): Promise<DevMailSummary[]> {
  authorize(actor, 'mail.view');
  const dir = mailDir(deps.config.dataDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => FILE.test(n));
  } catch {
    return [];
  }
  const newest = names
    .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(0, limit);
  return Promise.all(newest.map(async ({ n }) => (await parse(dir, n)).summary));
}

/** One development message: its summary, plain text and raw source (for download). */
export async function readDevMail(deps: Deps, actor: Actor, id: string) {
  authorize(actor, 'mail.view');
  // The id becomes a file name: only our own hex names, never a path.
  if (!FILE.test(id)) throw new NotFoundError('mail');
  const dir = mailDir(deps.config.dataDir);
  try {
    const { parsed, summary } = await parse(dir, id);
    return { ...summary, text: parsed.text ?? '', raw: readFileSync(join(dir, id)) };
  } catch {
    throw new NotFoundError('mail');
  }
}
