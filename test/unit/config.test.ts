import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

describe('loadConfig', () => {
  it('uses embedded defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/var$/);
    expect(c.publicBaseUrl).toBe('http://127.0.0.1:3000');
    expect(c.agency.code).toBe('COESPO');
  });

  it('rejects a bad PORT naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: debe ser un número/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: debe estar entre 1 y 65535/);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: debe empezar con postgres/,
    );
  });

  it('rejects a missing agency file with its path', () => {
    expect(() => loadConfig({ AGENCY_CONFIG: 'config/no-existe.json' })).toThrow(
      /AGENCY_CONFIG: .*no-existe\.json/,
    );
  });

  it('trims the trailing slash of PUBLIC_BASE_URL', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://datos.example.gob.mx/' }).publicBaseUrl).toBe(
      'https://datos.example.gob.mx',
    );
  });

  it('a SESSION_SECRET under 32 characters stops start-up naming the variable (no silent replacement)', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'demasiado-corto' })).toThrow(
      /SESSION_SECRET: debe tener al menos 32 caracteres/,
    );
    const secret = 'x'.repeat(32);
    expect(loadConfig({ SESSION_SECRET: secret }).sessionSecret).toBe(secret);
    expect(loadConfig({}).sessionSecret).toBeUndefined();
  });

  it('reads SEAL_KEY_PASSWORD through the schema', () => {
    expect(loadConfig({ SEAL_KEY_PASSWORD: 'clave del sello' }).sealKeyPassword).toBe('clave del sello');
  });
});
