import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context';
import type { RightsRequest } from './types';

/** One request as the person and the DPO both read it: what was asked, each controller's part, the messages. */
export function RequestCard({
  request,
  children,
  showMessages = true,
}: {
  request: RightsRequest;
  children?: ReactNode;
  showMessages?: boolean;
}) {
  const { t, formatDate } = useI18n();
  const titleId = `rr-${request.id}`;
  return (
    <article className="panel rights-request" aria-labelledby={titleId} data-kind={request.kind}>
      <h3 id={titleId}>
        {t(`rights.kind.${request.kind}`)}{' '}
        <span className="meta">({[...new Set(request.parts.map((p) => p.reference))].join(', ')})</span>
      </h3>
      <dl className="summary">
        <dt>{t('rights.received')}</dt>
        <dd>{formatDate(request.receivedAt)}</dd>
        <dt>{t('rights.acknowledged')}</dt>
        <dd>{formatDate(request.acknowledgedAt)}</dd>
        <dt>{t('rights.due')}</dt>
        <dd data-testid="due">{formatDate(request.dueAt)}</dd>
        {request.details && (
          <>
            <dt>{t('rights.details')}</dt>
            <dd>{request.details}</dd>
          </>
        )}
      </dl>
      <ul className="rights-parts">
        {request.parts.map((p) => (
          <li key={p.id} data-part={p.part}>
            <strong>
              {p.reference} — {t(`rights.part.${p.part}`)}: {p.controller.name}
            </strong>
            <br />
            {p.answer ? (
              <span data-testid="answer">
                {t(p.answer.outcome === 'granted' ? 'rights.answer.granted' : 'rights.answer.refused', {
                  date: formatDate(p.answer.at),
                })}
                {p.answer.reasons && ` ${p.answer.reasons}`}
                {p.answer.legalBasis && ` (${p.answer.legalBasis})`}
              </span>
            ) : (
              <span>
                {t('rights.dueOn', { date: formatDate(p.dueOn) })}{' '}
                {p.overdue && <span className="tag tag-missing">{t('rights.overdue')}</span>}
                {p.dueSoon && <span className="tag tag-missing">{t('rights.dueSoon')}</span>}
              </span>
            )}
            {p.extended && (
              <>
                <br />
                <span>{t('rights.extended', { reasons: p.extended.reasons })}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {showMessages && request.messages.length > 0 && (
        <details>
          <summary>{t('rights.messages', { count: request.messages.length })}</summary>
          <ul className="inbox">
            {request.messages.map((m) => (
              <li key={m.id} className="message">
                <h4>{m.subject}</h4>
                <p className="meta">{formatDate(m.createdAt)}</p>
                <p className="message-body">{m.body}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
      {children}
    </article>
  );
}
