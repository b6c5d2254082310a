import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  agencyCss,
  agencyNonWorkingDates,
  agencySchema,
  localizedText,
  readAgencyConfig,
} from '../../../src/config/agency.ts';
import { ConfigError, DEFAULT_AGENCY_CONFIG, loadConfig, PROJECT_ROOT } from '../../../src/config/index.ts';
import { INDICATOR_BY_ID, INDICATORS } from '../../../src/domain/indicators.ts';
import { SECTORS } from '../../../src/services/requests/request-input.ts';

const EXAMPLE = 'config/agency.example-coespo-sonora.json';
const shipped = readdirSync(join(PROJECT_ROOT, 'config'))
  .filter((f) => /^agency\..+\.json$/.test(f))
  .map((f) => `config/${f}`);
const tmp = mkdtempSync(join(tmpdir(), 'agency-config-'));
const base = JSON.parse(readFileSync(join(PROJECT_ROOT, DEFAULT_AGENCY_CONFIG), 'utf8')) as Record<
  string,
  unknown
>;

/** Writes a variant of the default file (logo dropped: it is relative to config/) and returns its path. */
function variant(name: string, change: (raw: Record<string, unknown>) => void): string {
  const raw = structuredClone(base);
  delete raw.logo;
  change(raw);
  const path = join(tmp, `${name}.json`);
  writeFileSync(path, JSON.stringify(raw));
  return path;
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('agency configuration files', () => {
  it('ships the default and at least one second example', () => {
    expect(shipped).toContain(DEFAULT_AGENCY_CONFIG);
    expect(shipped).toContain(EXAMPLE);
  });

  it.each(shipped)('%s is valid, with an existing logo', (file) => {
    const agency = readAgencyConfig(join(PROJECT_ROOT, file));
    expect(agencySchema.safeParse(JSON.parse(readFileSync(join(PROJECT_ROOT, file), 'utf8'))).success).toBe(
      true,
    );
    if (agency.logo) expect(existsSync(agency.logo)).toBe(true);
    // Every agency text has its Spanish version; English falls back to it.
    for (const p of agency.privacyNotice.paragraphs) expect(localizedText(p, 'en').length).toBeGreaterThan(0);
  });

  it('the example differs from the default in everything agency-specific', () => {
    const a = loadConfig({}).agency;
    const b = loadConfig({ AGENCY_CONFIG: EXAMPLE }).agency;
    for (const key of [
      'code',
      'name',
      'stateCode',
      'timezone',
      'slaWorkingHours',
      'emailFrom',
      'colors',
    ] as const) {
      expect(b[key], key).not.toEqual(a[key]);
    }
    expect(b.officeHours).not.toEqual(a.officeHours);
    expect(b.letterhead).not.toEqual(a.letterhead);
    expect(b.logo).not.toEqual(a.logo);
  });

  it.each(shipped)('%s: sectors and indicators name ids the product knows', (file) => {
    const agency = readAgencyConfig(join(PROJECT_ROOT, file));
    expect(agency.sectors.length).toBeGreaterThan(0);
    expect(agency.sectors.filter((s) => !(SECTORS as readonly string[]).includes(s))).toEqual([]);
    expect(INDICATORS.length).toBeGreaterThan(0);
    expect((agency.indicators ?? []).filter((id) => !INDICATOR_BY_ID.has(id))).toEqual([]);
  });
});

describe('environment overrides', () => {
  it('replace single fields of the file', () => {
    const c = loadConfig({
      AGENCY_CODE: 'PRUEBA',
      AGENCY_SLA_WORKING_HOURS: '48',
      AGENCY_SIGNATORY_NAME: 'Persona Titular de Prueba',
      AGENCY_EMAIL_FROM: 'Pruebas <pruebas@example.org>',
    });
    expect(c.agency.code).toBe('PRUEBA');
    expect(c.agency.slaWorkingHours).toBe(48);
    expect(c.agency.signatory.name).toBe('Persona Titular de Prueba');
    expect(c.agency.signatory.post).toBe(loadConfig({}).agency.signatory.post);
    expect(c.agency.emailFrom).toBe('Pruebas <pruebas@example.org>');
  });

  it('are validated like the file, naming the field', () => {
    expect(() => loadConfig({ AGENCY_CODE: 'minúsculas' })).toThrow(ConfigError);
    expect(() => loadConfig({ AGENCY_CODE: 'minúsculas' })).toThrow(/code: debe ser una clave corta/);
    expect(() => loadConfig({ AGENCY_SLA_WORKING_HOURS: 'muchas' })).toThrow(/slaWorkingHours/);
    expect(() => loadConfig({ AGENCY_TIMEZONE: 'Marte/Olympus' })).toThrow(
      /timezone: debe ser una zona horaria/,
    );
  });
});

describe('validation of the file', () => {
  it.each([
    [
      'an unknown field (a typo)',
      (r: Record<string, unknown>) => (r.slaWorkingHour = 72),
      /slaWorkingHour|Unrecognized/,
    ],
    [
      'office hours ending before they start',
      (r: Record<string, unknown>) => {
        r.officeHours = { start: '18:00', end: '09:00', weekdays: [1] };
      },
      /officeHours: la hora de cierre/,
    ],
    [
      'a colour that is not #RRGGBB',
      (r: Record<string, unknown>) => {
        r.colors = { brand: 'red; } body { display:none', brandDark: '#000000' };
      },
      /colors\.brand: debe ser un color/,
    ],
    [
      'a non-working day that is not a date',
      (r: Record<string, unknown>) => (r.nonWorkingDays = ['13-40']),
      /nonWorkingDays\.0/,
    ],
    [
      'a state code that is not two digits',
      (r: Record<string, unknown>) => (r.stateCode = 'MEX'),
      /stateCode/,
    ],
    ['a missing privacy notice', (r: Record<string, unknown>) => delete r.privacyNotice, /privacyNotice/],
    [
      'a logo file that does not exist',
      (r: Record<string, unknown>) => (r.logo = 'no-existe.svg'),
      /logo: no existe/,
    ],
  ])('rejects %s', (_name, change, message) => {
    const path = variant(String(_name).replace(/\W+/g, '-'), change);
    expect(() => loadConfig({ AGENCY_CONFIG: path })).toThrow(ConfigError);
    expect(() => loadConfig({ AGENCY_CONFIG: path })).toThrow(message);
  });

  it('resolves the logo relative to the config file', () => {
    const agency = readAgencyConfig(join(PROJECT_ROOT, EXAMPLE));
    expect(agency.logo).toBe(join(PROJECT_ROOT, 'config/logos/example-coespo-sonora.svg'));
  });
});

describe('helpers', () => {
  it('expands yearly (MM-DD) and one-off (YYYY-MM-DD) non-working days per year', () => {
    const days = agencyNonWorkingDates({ nonWorkingDays: ['05-05', '2026-12-24'] }, [2026, 2027]);
    expect(days).toEqual(['2026-05-05', '2026-12-24', '2027-05-05']);
  });

  it('turns the palette into CSS custom properties, leaving out unset ones', () => {
    const css = agencyCss({ colors: { brand: '#112233', brandDark: '#000000', focus: '#ffbf47' } });
    expect(css).toContain('--brand: #112233;');
    expect(css).toContain('--brand-dark: #000000;');
    expect(css).toContain('--focus: #ffbf47;');
    expect(css).not.toContain('--link');
  });

  it('falls back to Spanish when an agency text has no English', () => {
    expect(localizedText({ 'es-MX': 'Hola' }, 'en')).toBe('Hola');
    expect(localizedText({ 'es-MX': 'Hola', en: 'Hello' }, 'en')).toBe('Hello');
    expect(localizedText({ 'es-MX': 'Hola', en: 'Hello' }, 'es-MX')).toBe('Hola');
  });
});
