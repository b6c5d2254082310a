/**
 * Typed errors with a stable code. The web layer's one error mapper turns each code into an HTTP status
 * and a message from the catalog; `messageKey` names that message, `params` fill it in.
 */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'forbidden'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited';

export type FieldError = { field: string; message: string };

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
  constructor(readonly entity: string) {
    super(`error.not_found.${entity}`);
  }
}

/** Bad input. `fields` carry messages that are already in the user's language (from zod maps). */
export class InvalidInputError extends AppError {
  readonly code = 'invalid_input';
  constructor(
    readonly fields: FieldError[],
    messageKey = 'error.invalid_input',
  ) {
    super(messageKey);
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
  constructor(
    readonly permission: string,
    messageKey = 'error.forbidden',
  ) {
    super(messageKey, { permission });
  }
}

/** The thing changed under the caller (e.g. another clerk moved the request first). */
export class ConflictError extends AppError {
  readonly code = 'conflict';
}

/** Well-formed but cannot be done, e.g. aggregating a composite index over a region. */
export class UnprocessableError extends AppError {
  readonly code = 'unprocessable';
}

export class RateLimitedError extends AppError {
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super('error.rate_limited', { seconds: retryAfterSeconds });
  }
}
