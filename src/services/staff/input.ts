import type { z } from 'zod';
import { InvalidInputError } from '../../domain/errors.ts';
import { isMessageKey, translate } from '../../i18n/index.ts';

/**
 * Parses a staff form or command input with zod. Schema messages are catalog keys; they come back
 * translated (staff screens are Spanish) as field errors, and nothing is changed.
 */
export function parseStaffInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const seen = new Set<string>();
  const fields = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    const key = isMessageKey(issue.message) ? issue.message : 'staff.err.invalid_value';
    fields.push({ field, message: translate('es-MX', key as Parameters<typeof translate>[1]) });
  }
  throw new InvalidInputError(fields);
}
