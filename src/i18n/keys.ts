import { isMessageKey, type MessageKey } from './index.ts';

/**
 * The catalog key `${prefix}${id}` for ids that come from data (a format, a status, a geography
 * level), checked instead of cast: a missing text throws here, naming the key, rather than showing the
 * raw key to a person. The catalog parity test keeps es-MX and en in step.
 */
export function messageKeyOf(prefix: string, id: string): MessageKey {
  const key = `${prefix}${id}`;
  if (!isMessageKey(key)) throw new Error(`no catalog message ${key}`);
  return key;
}
