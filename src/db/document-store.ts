import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from './client.ts';
import { storedDocuments } from './schema/index.ts';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export type StoredDocument = { sha256: string; size: number; mediaType: string };

/** Content-addressed, immutable store of generated and signed documents (in `Deps` as `documents`). */
export type DocumentStore = {
  /** Stores the bytes once (same bytes → same sha256) and records them in `tx`. */
  put(tx: Database, bytes: Uint8Array, mediaType: string): Promise<StoredDocument>;
  /** The bytes, checked against their name; null when absent. */
  get(sha256: string): Promise<Buffer | null>;
  describe(db: Database, sha256: string): Promise<StoredDocument | null>;
};

const SHA_RE = /^[0-9a-f]{64}$/;

/**
 * Files under `<root>/<aa>/<sha256>`, written to a temporary name then renamed (never half a file) and
 * made read-only. A file whose transaction later rolls back stays as a harmless orphan.
 */
export function fileDocumentStore(root: string): DocumentStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha);
  return {
    async put(tx, bytes, mediaType) {
      const sha256 = sha256Hex(bytes);
      const path = pathOf(sha256);
      if (!existsSync(path)) {
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
        const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
        writeFileSync(tmp, bytes, { mode: 0o600 });
        // Read-only, and the owner's alone: oficios name people.
        chmodSync(tmp, 0o400);
        renameSync(tmp, path);
      }
      const doc = { sha256, size: bytes.byteLength, mediaType };
      await tx.insert(storedDocuments).values(doc).onConflictDoNothing();
      return doc;
    },
    async get(sha256) {
      if (!SHA_RE.test(sha256)) return null;
      try {
        const bytes = readFileSync(pathOf(sha256));
        // Content addressing lets us notice a damaged file instead of serving it.
        return sha256Hex(bytes) === sha256 ? bytes : null;
      } catch {
        return null;
      }
    },
    async describe(db, sha256) {
      if (!SHA_RE.test(sha256)) return null;
      const [row] = await db
        .select()
        .from(storedDocuments)
        .where(eq(storedDocuments.sha256, sha256))
        .limit(1);
      return row ? { sha256: row.sha256, size: row.size, mediaType: row.mediaType } : null;
    },
  };
}
