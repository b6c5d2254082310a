import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import type { Logger } from '../config/logger.ts';
import { ensureDevSigners } from './dev-ca.ts';
import { fileSignerProvider, type SignerProvider } from './signer.ts';

/**
 * The documents area's adapter for `Deps`: the signers. Without an installed seal, a test CA and test
 * certificates are generated under `dataDir` (at start when `eager`, else on first use) and every
 * document they sign says "sin validez oficial".
 */
export function documentAdapters(opts: {
  config: Pick<Config, 'env' | 'agency' | 'sealKeyPassword'>;
  dataDir: string;
  logger?: Logger;
  eager?: boolean;
}): { signers: SignerProvider } {
  const { agency } = opts.config;
  const ensure = (now: Date) => {
    const created = ensureDevSigners(opts.dataDir, now, {
      name: agency.name,
      signatoryName: agency.signatory.name,
      signatoryPost: agency.signatory.post,
    });
    if (created && opts.logger) {
      const level = opts.config.env === 'production' ? 'warn' : 'info';
      opts.logger[level](
        { dir: join(opts.dataDir, 'config', 'signers') },
        'Certificados de PRUEBA generados: los documentos firmados dirán «SIN VALIDEZ OFICIAL». Instala los reales con «signer import».',
      );
    }
  };
  if (opts.eager) ensure(new Date());
  const files = fileSignerProvider(opts.dataDir, opts.config.sealKeyPassword);
  return {
    signers: {
      async seal(now) {
        ensure(now);
        return files.seal(now);
      },
    },
  };
}
