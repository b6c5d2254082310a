import { desc, eq } from 'drizzle-orm';
import { signingCertificates, staffUsers } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

export type SigningCertificateRow = {
  role: 'seal' | 'director';
  /** The certificate's common name (CN), or its whole subject when it has none. */
  subject: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  active: boolean;
  /** The director the e.firma belongs to; null for the seal or a certificate shared by the direction. */
  staffName: string | null;
};

/** The signing certificates installed (public parts only), the active and newest first, for the admin. */
export async function listSigningCertificates(deps: Deps, actor: Actor): Promise<SigningCertificateRow[]> {
  authorize(actor, 'settings.manage');
  const rows = await deps.db
    .select({
      role: signingCertificates.role,
      subject: signingCertificates.subject,
      serial: signingCertificates.serial,
      notBefore: signingCertificates.notBefore,
      notAfter: signingCertificates.notAfter,
      active: signingCertificates.active,
      staffName: staffUsers.name,
    })
    .from(signingCertificates)
    .leftJoin(staffUsers, eq(staffUsers.id, signingCertificates.staffId))
    .orderBy(desc(signingCertificates.active), desc(signingCertificates.createdAt));
  return rows.map((r) => ({
    ...r,
    subject: /CN=([^\n,]+)/.exec(r.subject)?.[1] ?? r.subject.replace(/\n/g, ', '),
  }));
}
