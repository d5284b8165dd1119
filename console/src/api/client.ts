/** The header the server requires on every request that changes something (see src/http/csrf.ts). */
const CSRF_HEADERS = { 'X-Requested-With': 'whats-palmas' } as const;

/** An API failure with the server's Portuguese message, ready to show as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What is wrong with each field the server refused, by its path ("answer", "review.note", "howToAsk.0"). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Paths as dotted names: "/howToAsk/0" and "howToAsk.0" both become "howToAsk.0". */
const fieldName = (path: string): string => path.replace(/^\//, '').replaceAll('/', '.');

const CHECK_FIELD = 'Confira este campo.';

/** "Resposta: no máximo 700 caracteres" → "No máximo 700 caracteres". */
const withoutLabel = (message: string): string => {
  const text = message.replace(/^[^:]{1,40}:\s+/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/**
 * The server names the refused fields either as a list of paths (in `error.fields`, or beside `error` for schema
 * validation) or as messages by path. A list comes in the order of the problems, so its first field is the one a
 * "Field: problem" message speaks of; the schema's generic refusal (code invalid_input) speaks of none.
 */
export const fieldsFrom = (body: unknown, message: string): Record<string, string> => {
  const outer = body as { fields?: unknown; error?: { code?: unknown; fields?: unknown } } | undefined;
  const fields = outer?.error?.fields ?? outer?.fields;
  if (Array.isArray(fields)) {
    const paths = fields.filter((f): f is string => typeof f === 'string').map(fieldName);
    const first = outer?.error?.code !== 'invalid_input' && /^[^:]{1,40}:\s/.test(message) ? withoutLabel(message) : CHECK_FIELD;
    return Object.fromEntries(paths.map((path, i) => [path, i === 0 ? first : CHECK_FIELD]));
  }
  if (fields && typeof fields === 'object') {
    return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string').map(([path, text]) => [fieldName(path), text]));
  }
  return {};
};

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called when the server answers 401 to a signed-in call: the session expired or was ended elsewhere. */
export const onSessionEnded = (listener: Listener): (() => void) => {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
};

const FALLBACK_MESSAGES: Record<number, string> = {
  403: 'Seu perfil não permite esta ação.',
  404: 'Não encontrado.',
  429: 'Muitas tentativas seguidas. Aguarde um minuto e tente de novo.',
};

const errorFrom = async (response: Response): Promise<ApiError> => {
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  // Rate limiting answers in the plugin's English; every other error already comes in Portuguese.
  const serverMessage = response.status !== 429 && typeof error?.message === 'string' ? error.message : undefined;
  const message = serverMessage ?? FALLBACK_MESSAGES[response.status] ?? 'Algo deu errado no servidor. Tente novamente em instantes.';
  return new ApiError(response.status, code, message, fieldsFrom(body, message));
};

interface RequestOptions {
  /** A 401 here is an answer (wrong password, not signed in yet), not an ended session. */
  expectUnauthorized?: boolean;
}

const request = async <T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(method === 'GET' ? {} : CSRF_HEADERS), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Sem conexão com o servidor. Verifique a rede e tente de novo.');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && !options.expectUnauthorized) sessionEndedListeners.forEach((listener) => listener());
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
};

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};

/** `?a=1&b=2` from the defined values only. */
export const query = (params: Record<string, string | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};
