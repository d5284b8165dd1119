/**
 * Open311 errors as the spec defines them: a list of `{code, description}` with a mandatory HTTP status — 404 for
 * a missing resource (service_code, jurisdiction_id, request), 403 for a missing or wrong api_key, 400 for
 * anything else. Descriptions are in Portuguese, the city's language, and always name the parameter at fault
 * verbatim so a developer who reads no Portuguese still sees what to fix.
 */
export type Open311Status = 400 | 403 | 404 | 429;

export interface Open311ErrorItem {
  code: number;
  description: string;
}

export interface Open311Error {
  status: Open311Status;
  errors: Open311ErrorItem[];
}

export type Open311Result<T> = { ok: true; value: T } | { ok: false; error: Open311Error };

export const open311Error = (status: Open311Status, description: string): Open311Error => ({ status, errors: [{ code: status, description }] });

export const refuse = (status: Open311Status, description: string): { ok: false; error: Open311Error } => ({ ok: false, error: open311Error(status, description) });
