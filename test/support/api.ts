import { CSRF_HEADERS } from './test-app.js';

export interface ApiAnswer {
  status: number;
  text: string;
  /** The JSON answer; `{}` when the answer is empty (204). */
  body: Record<string, unknown>;
}

/** Calls the console API as the user of `cookie` (or signed out), with the CSRF header a browser would send. */
export const callApi = async (baseUrl: string, method: string, path: string, cookie: string | undefined, body?: unknown): Promise<ApiAnswer> => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...CSRF_HEADERS, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};
