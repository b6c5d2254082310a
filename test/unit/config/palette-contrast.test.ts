import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  agencyColorPairs,
  agencySchema,
  contrastRatio,
  readAgencyConfig,
} from '../../../src/config/agency.ts';
import { DEFAULT_AGENCY_CONFIG, PROJECT_ROOT } from '../../../src/config/index.ts';

// WCAG 2.2 AA for the agency palette: every pair the pages draw one on the other (header, navigation,
// links, focus), for every agency file shipped, and the logos, which sit on the white header.
const shipped = readdirSync(join(PROJECT_ROOT, 'config'))
  .filter((f) => /^agency\..+\.json$/.test(f))
  .map((f) => join(PROJECT_ROOT, 'config', f));

describe('contrastRatio', () => {
  it('gives the WCAG figures', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // GOV.UK's grey #767676 is the lightest grey that passes 4.5:1 on white; #777777 is just under.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#ffffff', '#6f1d46')).toBeCloseTo(contrastRatio('#6f1d46', '#ffffff'), 10);
  });

  it('finds the old header unreadable: the logo word "COESPO" #4d1431 on the #6f1d46 header', () => {
    expect(contrastRatio('#4d1431', '#6f1d46')).toBeLessThan(1.5);
  });
});

describe.each(shipped)('palette of %s', (path) => {
  const agency = readAgencyConfig(path);

  it.each(agencyColorPairs(agency.colors).map((p) => [p.use, p] as const))('%s', (_use, pair) => {
    expect(contrastRatio(pair.fg, pair.bg)).toBeGreaterThanOrEqual(pair.min);
  });

  it('its logo: every text in it reads on white or on a shape of the logo', () => {
    if (!agency.logo?.endsWith('.svg')) return;
    const svg = readFileSync(agency.logo, 'utf8');
    const shapes = [...svg.matchAll(/<(?:rect|circle|path)[^>]*fill="(#[0-9a-fA-F]{6})"/g)].map((m) => m[1]!);
    const texts = [...svg.matchAll(/<text[^>]*fill="(#[0-9a-fA-F]{6}|#fff)"/g)].map((m) =>
      m[1] === '#fff' ? '#ffffff' : m[1]!,
    );
    expect(texts.length).toBeGreaterThan(0);
    for (const fill of texts) {
      const best = Math.max(...['#ffffff', ...shapes].map((bg) => contrastRatio(fill, bg)));
      expect(best, `texto ${fill} del logo`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('an agency file with an unreadable palette', () => {
  const raw = JSON.parse(readFileSync(join(PROJECT_ROOT, DEFAULT_AGENCY_CONFIG), 'utf8'));

  it('is refused, naming the pair and the ratio', () => {
    const parsed = agencySchema.safeParse({
      ...raw,
      colors: { brand: '#6f1d46', brandDark: '#4d1431', link: '#8fb3e0' },
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message).join('\n');
    expect(messages).toMatch(/contraste insuficiente de link sobre blanco: 2\.\d\d:1/);
  });

  it('a light brand colour under white navigation text is refused too', () => {
    const parsed = agencySchema.safeParse({ ...raw, colors: { brand: '#e8a0c0', brandDark: '#4d1431' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join('\n')).toMatch(/texto blanco sobre brand/);
  });

  it('the shipped default passes', () => {
    expect(agencySchema.safeParse(raw).success).toBe(true);
  });
});
