import { AppError, type ErrorKind } from '../../platform/errors.js';

/** A domain error as a value: a stable code for callers to branch on, a kind for the edges, a message for logs. */
export interface DomainError<C extends string = string> {
  code: C;
  kind: ErrorKind;
  message: string;
  /** Machine-readable specifics, e.g. `{ field: 'description' }`. */
  details?: Record<string, unknown>;
}

export type Result<T, C extends string = string> = { ok: true; value: T } | { ok: false; error: DomainError<C> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <C extends string>(
  code: C,
  kind: ErrorKind,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: DomainError<C> } => ({ ok: false, error: { code, kind, message, ...(details ? { details } : {}) } });

/** For edges that prefer throwing (HTTP handlers): the error value as the platform's AppError. */
export const toAppError = (error: DomainError): AppError => new AppError(error.code, error.kind, error.message, error.details);
