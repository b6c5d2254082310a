import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { signingCertificates } from '../../db/schema/index.ts';
import { sha256Hex } from '../../documents/codes.ts';
import { assertCertificateCurrent, loadEfirma, readCertificate } from '../../documents/efirma.ts';
import { signersDir } from '../../documents/signer.ts';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';

export type InstalledSigner = { role: 'seal' | 'director'; subject: string; serial: string; validTo: string };

/**
 * Installs a signing certificate. The seal (e.sello): `.cer` + `.key` checked with the password, copied
 * under DATA_DIR/config/signers (0600), password kept beside it unless SEAL_KEY_PASSWORD is used at run
 * time. The director: only the `.cer` is registered (their key never reaches the server; when the `.key`
 * is given it is only used to check the pair). Only the operator (CLI, system actor) may do this.
 */
export async function installSigner(
  deps: Deps,
  input: {
    role: 'seal' | 'director';
    cer: Buffer;
    key?: Buffer | undefined;
    password?: string | undefined;
    chain?: Buffer | undefined;
    storePassword?: boolean;
    staffId?: string | undefined;
  },
  actor: Actor,
): Promise<InstalledSigner> {
  if (actor.type !== 'system') throw new ForbiddenError('settings.manage');
  const now = deps.clock.now();
  const cert =
    input.key !== undefined
      ? loadEfirma({ cer: input.cer, key: input.key, password: input.password ?? '', now }).certificate
      : readCertificate(input.cer);
  assertCertificateCurrent(cert, now);
  if (input.role === 'seal' && input.key === undefined)
    throw new ForbiddenError('seal.key', 'documents.error.no_signer');

  if (input.role === 'seal') {
    const dir = signersDir(deps.config.dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'seal.cer'), input.cer);
    writeFileSync(join(dir, 'seal.key'), input.key!, { mode: 0o600 });
    chmodSync(join(dir, 'seal.key'), 0o600);
    // The test CA's files go: documents are no longer marked as tests once a real seal is in.
    for (const f of ['test-ca.cer', 'seal.password', 'seal-chain.cer']) rmSync(join(dir, f), { force: true });
    if (input.storePassword !== false)
      writeFileSync(join(dir, 'seal.password'), input.password ?? '', { mode: 0o600 });
    if (input.chain) writeFileSync(join(dir, 'seal-chain.cer'), input.chain);
  }

  const der = new Uint8Array(cert.raw);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(signingCertificates)
      .set({ active: false })
      .where(and(eq(signingCertificates.role, input.role), eq(signingCertificates.active, true)));
    await tx
      .insert(signingCertificates)
      .values({
        role: input.role,
        staffId: input.staffId ?? null,
        subject: cert.subject,
        serial: cert.serialNumber,
        sha256: sha256Hex(der),
        der: Buffer.from(der).toString('base64'),
        notBefore: new Date(cert.validFrom),
        notAfter: new Date(cert.validTo),
        active: true,
      })
      .onConflictDoUpdate({ target: signingCertificates.sha256, set: { active: true, role: input.role } });
    await appendAudit(tx, {
      actor,
      action: 'signer.installed',
      subject: input.role,
      data: { serial: cert.serialNumber, validTo: cert.validTo },
      at: now,
    });
  });
  return {
    role: input.role,
    subject: cert.subject.replace(/\n/g, ', '),
    serial: cert.serialNumber,
    validTo: cert.validTo,
  };
}
