import { ERASE_MAIL, eraseStoredMail } from '../../services/privacy/erase-stored-mail.ts';
import type { JobHandler } from '../worker.ts';

export { ERASE_MAIL };

/** privacy.erase_mail: deletes the stored mail of erased addresses (idempotent: deleting twice is a no-op). */
export function eraseMailHandler(): JobHandler {
  return async (job, { deps }) => {
    const { addressHashes } = job.payload as { addressHashes?: string[] };
    await eraseStoredMail(deps, { addressHashes: addressHashes ?? [] });
  };
}
