import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Everything that makes the product one office's and not another's. Validated once at start. */
export const agencySchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, 'debe ser una clave corta en mayúsculas (p. ej. COESPO)'),
  name: z.string().min(3),
  shortName: z.string().min(2),
  stateName: z.string().min(3),
  parentEntity: z.string().min(3),
  city: z.string().min(3),
  letterhead: z.array(z.string().min(1)).min(1),
  signatory: z.object({ name: z.string().min(3), post: z.string().min(3) }),
  emailFrom: z.string().min(3),
  timezone: z.string().default('America/Mexico_City'),
  slaWorkingHours: z.number().int().positive().default(72),
  officeHours: z
    .object({
      start: z.string().regex(/^\d\d:\d\d$/),
      end: z.string().regex(/^\d\d:\d\d$/),
      weekdays: z.array(z.number().int().min(0).max(6)).min(1),
    })
    .default({ start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5] }),
  privacyNoticeVersion: z.string().min(1),
});

export type AgencyConfig = z.infer<typeof agencySchema>;

export function readAgencyFile(path: string): AgencyConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`AGENCY_CONFIG: no se pudo leer ${path}: ${(err as Error).message}`);
  }
  const parsed = agencySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(raíz)'}: ${i.message}`).join('; ');
    throw new Error(`AGENCY_CONFIG: ${path} no es válido: ${issues}`);
  }
  return parsed.data;
}
