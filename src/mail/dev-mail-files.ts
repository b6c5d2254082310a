import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { mailDir } from './transport.ts';

/**
 * The development mailer's store, read back: the `.eml` files under DATA_DIR/mail. No permission
 * checks here: the use cases in src/services/ops (viewer) and src/services/privacy (erasure) decide.
 */
export type DevMailSummary = {
  /** The file name, e.g. `3f2a….eml`: the page's public id of the message. */
  id: string;
  date: Date;
  to: string;
  /** The recipients' bare addresses, lower-case. */
  toAddresses: string[];
  subject: string;
  attachments: string[];
};

const FILE = /^[0-9a-f]{24}\.eml$/;

type AddressField = { text: string; value: { address?: string }[] };

function addresses(v: AddressField | AddressField[] | undefined) {
  const list = v ? (Array.isArray(v) ? v : [v]) : [];
  return {
    text: list.map((a) => a.text).join(', '),
    bare: list.flatMap((a) => a.value.map((x) => (x.address ?? '').toLowerCase())).filter(Boolean),
  };
}

async function parse(dir: string, id: string) {
  const parsed = await simpleParser(readFileSync(join(dir, id)));
  const to = addresses(parsed.to as AddressField | AddressField[] | undefined);
  return {
    parsed,
    summary: {
      id,
      date: parsed.date ?? statSync(join(dir, id)).mtime,
      to: to.text,
      toAddresses: to.bare,
      subject: parsed.subject ?? '',
      attachments: parsed.attachments.map((a) => a.filename ?? a.contentType),
    } satisfies DevMailSummary,
  };
}

function names(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => FILE.test(n));
  } catch {
    return [];
  }
}

/** The newest `limit` messages, newest first. */
export async function listDevMailFiles(dataDir: string, limit = 100): Promise<DevMailSummary[]> {
  const dir = mailDir(dataDir);
  const newest = names(dir)
    .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(0, limit);
  return Promise.all(newest.map(async ({ n }) => (await parse(dir, n)).summary));
}

/** One message: its summary, plain text and raw source; null when there is none by that id. */
export async function readDevMailFile(dataDir: string, id: string) {
  // The id becomes a file name: only our own hex names, never a path.
  if (!FILE.test(id)) return null;
  const dir = mailDir(dataDir);
  try {
    const { parsed, summary } = await parse(dir, id);
    return { ...summary, text: parsed.text ?? '', raw: readFileSync(join(dir, id)) };
  } catch {
    return null;
  }
}

/** Deletes every stored message with a recipient for which `matches(address)` holds; returns how many. */
export async function deleteDevMailFiles(
  dataDir: string,
  matches: (address: string) => boolean,
): Promise<number> {
  const dir = mailDir(dataDir);
  let deleted = 0;
  for (const n of names(dir)) {
    try {
      const { summary } = await parse(dir, n);
      if (summary.toAddresses.some(matches)) {
        unlinkSync(join(dir, n));
        deleted += 1;
      }
    } catch {
      // Gone meanwhile or unreadable: nothing to delete.
    }
  }
  return deleted;
}
