/**
 * The one form of an e-mail address the product stores and compares: trimmed, lower case. Requests,
 * staff accounts, sign-in links and the pseudonymous requester key all go through it.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
