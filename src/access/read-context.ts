import type { FastifyRequest } from 'fastify';
import { isRecognitionPurpose, type RecognitionPurpose } from '../contract/access.js';

/** What a read states about itself beyond who reads: why, and for which own dossier. */
export interface ReadContext {
  /** Why the caller reads; logged with the read. */
  purpose?: string | undefined;
  /** Art. 26: the own dossier a region examines while it reads another region's dossier. */
  forDossierId?: string | undefined;
  /** Art. 26: why, as a code of the list (`RECOGNITION_PURPOSES`), logged with the purpose. */
  purposeCode?: RecognitionPurpose | undefined;
}

/** Header values are Latin-1 only: a purpose in any language may come percent-encoded (UTF-8). */
function decodedHeader(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Why the caller reads (`X-Purpose`, logged with the read) and, for a region reading another
 * region's dossier (Art. 26), its own dossier about the same worker (`X-For-Dossier`) and the code
 * of its purpose (`X-Purpose-Code`). Headers, not the URL: a purpose may be worded about a person.
 */
export const readContextOf = (request: FastifyRequest): ReadContext => {
  const raw = request.headers['x-purpose'];
  const forDossier = request.headers['x-for-dossier'];
  const code = request.headers['x-purpose-code'];
  const purpose = typeof raw === 'string' ? decodedHeader(raw) : undefined;
  return {
    purpose: purpose !== undefined && purpose.length <= 200 ? purpose : undefined,
    forDossierId:
      typeof forDossier === 'string' && /^[0-9a-f-]{36}$/i.test(forDossier) ? forDossier : undefined,
    purposeCode: typeof code === 'string' && isRecognitionPurpose(code) ? code : undefined,
  };
};
