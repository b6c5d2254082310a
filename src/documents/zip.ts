import { zipSync } from 'fflate';

/** A ZIP of the answer's files (already-compressed formats stored as they are). */
export function buildZip(files: { name: string; bytes: Uint8Array }[], mtime: Date): Buffer {
  const entries: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {};
  for (const f of files) {
    const compressed = /\.(png|xlsx|zip|pdf)$/i.test(f.name);
    entries[f.name.normalize('NFC')] = [f.bytes, { level: compressed ? 0 : 6, mtime }];
  }
  return Buffer.from(zipSync(entries));
}
