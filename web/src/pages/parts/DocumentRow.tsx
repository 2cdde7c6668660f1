import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/context';
import { api, problemText, uploadDocument } from '../../lib/api';
import { documentLabel, sizeText } from '../../lib/format';
import type { Dossier, DocumentView } from '../../lib/types';
import { SpecialMark } from './ChecklistView';
import type { MessageKey } from '../../i18n';

export const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_BYTES = 10 * 1024 * 1024;

/** The same limits as the server, checked before a 10 MB upload is sent for nothing. */
export function fileProblem(file: File, t: (k: MessageKey) => string): string | undefined {
  if (file.size > MAX_BYTES) return t('docs.tooLarge');
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED_TYPES.includes(file.type) && !byName) return t('docs.badType');
  return undefined;
}

export interface RowProps {
  dossierId: string;
  type: string;
  special?: 'health' | 'criminal' | null;
  legalSource?: string | undefined;
  existing: DocumentView[];
  /** While a draft, a document can be replaced or removed; after filing, only added. */
  editable: boolean;
  required: boolean;
  onChange: (dossier: Dossier, added?: DocumentView) => void;
  announce: (text: string) => void;
}

/** One line of the checklist: what the document is, whether it is there, and the actions on it. */
export function DocumentRow({
  dossierId,
  type,
  special = null,
  legalSource,
  existing,
  editable,
  required,
  onChange,
  announce,
}: RowProps) {
  const { t, lang, formatDateTime, citation } = useI18n();
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const label = documentLabel(t, type);
  const id = `upload-${type}`;
  const present = existing.length > 0;

  const upload = async (file: File) => {
    const problem = fileProblem(file, t);
    if (problem) {
      setError(problem);
      return;
    }
    setError(undefined);
    setProgress(0);
    const before = new Set(existing.map((d) => d.id));
    try {
      let dossier = await uploadDocument<Dossier>(dossierId, type, file, setProgress);
      const added = dossier.documents.find((d) => d.type === type && !before.has(d.id));
      // Replacing: the new file is in first, so a failed upload never leaves the slot empty.
      if (editable && present) {
        for (const old of existing)
          dossier = await api<Dossier>('DELETE', `/dossiers/${dossierId}/documents/${old.id}`);
      }
      onChange(dossier, added);
      announce(t('docs.uploaded', { document: label }));
    } catch (e) {
      setError(problemText(e, t('error.generic')));
    } finally {
      setProgress(undefined);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (doc: DocumentView) => {
    try {
      const dossier = await api<Dossier>('DELETE', `/dossiers/${dossierId}/documents/${doc.id}`);
      onChange(dossier);
      announce(t('docs.removed', { document: label }));
    } catch (e) {
      setError(problemText(e, t('error.generic')));
    }
  };

  return (
    <li className={`doc-row${present ? ' doc-present' : required ? ' doc-missing' : ''}`}>
      <div className="doc-head">
        <h3 className="doc-title">
          {label} <SpecialMark special={special} />
        </h3>
        {required && (
          <span className={`tag ${present ? 'tag-ok' : 'tag-missing'}`}>
            {present ? t('docs.present') : t('docs.missing')}
          </span>
        )}
      </div>
      <p className="hint">{t(`docHelp.${type}` as MessageKey)}</p>
      {special && <p className="hint special-note">{t(`docs.special.${special}` as const)}</p>}
      {legalSource && (
        <details>
          <summary>{t('docs.why')}</summary>
          <p className="hint">{citation(legalSource)}</p>
        </details>
      )}
      {existing.map((doc) => (
        <p key={doc.id} className="doc-file">
          <span>
            {t('docs.fileInfo', {
              name: doc.fileName ?? label,
              size: sizeText(doc.sizeBytes, lang),
              date: formatDateTime(doc.uploadedAt),
            })}
          </span>{' '}
          {doc.downloadable && (
            <a href={`/api/v1/dossiers/${dossierId}/documents/${doc.id}`} download>
              {t('docs.download')}
              <span className="visually-hidden"> {label}</span>
            </a>
          )}{' '}
          {editable && (
            <button type="button" className="link-button" onClick={() => void remove(doc)}>
              {t('docs.remove')}
              <span className="visually-hidden"> {label}</span>
            </button>
          )}
        </p>
      ))}
      {(editable || !present || !required) && (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={id}>
            {present
              ? t('docs.replaceLabel', { document: label })
              : t('docs.chooseLabel', { document: label })}
          </label>
          {error && (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          )}
          <input
            ref={input}
            id={id}
            type="file"
            accept={ACCEPT}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-invalid={error ? true : undefined}
            disabled={progress !== undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          {progress !== undefined && (
            <p className="progress">
              <progress
                max={100}
                value={Math.round(progress * 100)}
                aria-label={t('docs.uploadingLabel', { document: label })}
              />{' '}
              <span>{t('docs.uploading', { percent: Math.round(progress * 100) })}</span>
            </p>
          )}
        </div>
      )}
    </li>
  );
}
