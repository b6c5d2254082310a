/**
 * Hides what would let a reader act as the recipient: one-time sign-in links, tracking tokens, signed
 * download links (any long random run of URL-safe characters). Folios and dates stay readable.
 */
const SECRET = /[A-Za-z0-9_-]{20,}/g;
const HAS_LETTER_AND_DIGIT = /(?=.*[A-Za-z])(?=.*\d)/;
export const MASK = '[oculto]';

export function maskSecrets(text: string): string {
  return text.replace(SECRET, (run) => (HAS_LETTER_AND_DIGIT.test(run) ? MASK : run));
}
