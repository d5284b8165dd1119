/**
 * Errors are values with a stable code and a kind; each edge (HTTP, Open311, WhatsApp) turns the kind
 * into its own wording. No stack traces reach clients.
 */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const httpStatusOf = (kind: ErrorKind): number =>
  ({
    invalid_input: 400,
    unauthenticated: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    unavailable: 503,
    internal: 500,
  })[kind];

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
