import { useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea } from '../../components/fields';
import { Announcer } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { api, problemText } from '../../lib/api';
import { documentLabel, relationLabel } from '../../lib/format';
import type { Dossier, DocumentView, RequestView } from '../../lib/types';
import { useSubmit } from '../../lib/useForm';
import { DocumentRow } from './DocumentRow';

/** The open request for documents: what is asked, by when, and the answer with its uploads. */
export function RequestPanel({
  dossier,
  request,
  canAnswer,
  onDone,
  setDossier,
}: {
  dossier: Dossier;
  request: RequestView;
  canAnswer: boolean;
  onDone: () => void;
  setDossier: (d: Dossier) => void;
}) {
  const { t, formatDate } = useI18n();
  const [added, setAdded] = useState<DocumentView[]>([]);
  const [message, setMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const { busy, run } = useSubmit();
  const types = [...new Set(request.items.map((i) => i.documentType ?? 'other'))];

  const answer = async () => {
    // The server refuses an answer without a new document (answer_adds_nothing): say so before sending.
    if (added.length === 0) {
      setError(t('request.needSomething'));
      return;
    }
    await run(
      async () => {
        await api('POST', `/dossiers/${dossier.id}/requests/${request.id}/answer`, {
          documentIds: added.map((d) => d.id),
          ...(message.trim() && { message: message.trim() }),
        });
        onDone();
      },
      (e) => {
        setError(problemText(e, t('error.generic')));
      },
    );
  };

  return (
    <section aria-labelledby="request-title" className="panel request">
      <h2 id="request-title">{t('request.title')}</h2>
      <p className="big">{t('request.due', { date: formatDate(request.dueDate) })}</p>
      <p>{t('request.by', { who: relationLabel(t, request.by), date: formatDate(request.requestedAt) })}</p>
      {request.message && <p className="grounds">{request.message}</p>}
      <h3>{t('request.items')}</h3>
      <ul>
        {request.items.map((item, i) => (
          <li key={`${item.documentType ?? ''}-${String(i)}`}>
            {item.documentType && <strong>{documentLabel(t, item.documentType)}: </strong>}
            {item.description}
          </li>
        ))}
      </ul>
      {canAnswer && (
        <>
          <h3>{t('request.answer')}</h3>
          {error && <ErrorSummary items={[{ text: error }]} />}
          <Announcer text={announcement} />
          <ul className="doc-list">
            {types.map((type) => (
              <DocumentRow
                key={type}
                dossierId={dossier.id}
                type={type}
                existing={added.filter((d) => d.type === type)}
                editable={false}
                required={false}
                onChange={(d, doc) => {
                  setDossier(d);
                  if (doc) setAdded((prev) => [...prev, doc]);
                }}
                announce={setAnnouncement}
              />
            ))}
          </ul>
          <TextArea
            id="answer-message"
            label={t('request.message')}
            optional
            value={message}
            onChange={setMessage}
          />
          <p className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void answer()}>
              {t('request.send')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
