/**
 * The portal's only way to the platform: the public API under /api/v1, same origin, cookie
 * session. Every state-changing call echoes the CSRF token of the session's JSON; every call says
 * the language chosen, so problem titles and field messages come back in it.
 */

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface MissingItem {
  kind: 'field' | 'document';
  section?: string;
  name: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors: FieldProblem[] = [],
    readonly missing: MissingItem[] = [],
  ) {
    super(title);
  }
}

/** The catalogued title of a refusal, as the server said it in the caller's language; else `fallback`. */
export function problemText(e: unknown, fallback: string): string {
  return e instanceof ApiError && e.title ? e.title : fallback;
}

let csrfToken = '';
let language = 'en';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Announced to the app so it can send the person back to sign-in when a session ends. */
export const UNAUTHENTICATED_EVENT = 'sw:unauthenticated';

interface Problem {
  code?: string;
  title?: string;
  errors?: FieldProblem[];
  missing?: MissingItem[];
}

function problemOf(status: number, body: unknown): ApiError {
  const p = (body && typeof body === 'object' ? body : {}) as Problem;
  return new ApiError(status, p.code ?? 'internal_error', p.title ?? String(status), p.errors, p.missing);
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    ...extraHeaders,
  };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const text = await res.text();
  const parsed: unknown =
    text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null;
  if (!res.ok) {
    const error = problemOf(res.status, parsed);
    if (res.status === 401 && path !== '/session') window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    throw error;
  }
  return parsed as T;
}

/**
 * Uploads one document with XMLHttpRequest: fetch cannot report upload progress. The type field
 * goes first, as the server reads it before the file.
 */
export function uploadDocument<T>(
  dossierId: string,
  type: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('type', type);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/dossiers/${encodeURIComponent(dossierId)}/documents`);
    xhr.setRequestHeader('accept-language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        if (xhr.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
        reject(problemOf(xhr.status, body));
      }
    };
    xhr.onerror = () => {
      reject(new ApiError(0, 'network', ''));
    };
    xhr.send(form);
  });
}
