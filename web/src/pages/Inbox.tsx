import { Link } from 'react-router';
import { Loading, MoreButton, Notice, Page } from '../components/Page';
import { useI18n } from '../i18n/context';
import { api, problemText } from '../lib/api';
import { useSession } from '../lib/session';
import { usePagedList } from '../lib/usePagedList';

export interface InboxMessage {
  id: string;
  dossierId: string;
  reference: string;
  /** The language the message is shown in: the reader's, or as written for an older message. */
  language: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

const noQuery = () => ({});

/** Tells the navigation that the unread count changed. */
export const INBOX_CHANGED_EVENT = 'sw:inbox-changed';

/** Every communication to the organisation (Art. 20 §5), newest first, each leading to its dossier. */
export function Inbox() {
  const { t, formatDate } = useI18n();
  const { session } = useSession();
  const lead = session?.organisation.kind === 'worker' ? t('inbox.lead.worker') : t('inbox.lead');
  const { items, setItems, error, setError, more } = usePagedList<InboxMessage, null>(
    '/messages',
    null,
    noQuery,
    { limit: 20 },
  );

  const markRead = async (id: string) => {
    try {
      const updated = await api<InboxMessage>('POST', `/messages/${id}/read`, {});
      setItems((prev) => prev?.map((m) => (m.id === id ? { ...m, readAt: updated.readAt } : m)));
      window.dispatchEvent(new Event(INBOX_CHANGED_EVENT));
    } catch (e) {
      setError(problemText(e, t('error.generic')));
    }
  };

  return (
    <Page title={t('inbox.title')} lead={lead}>
      {error && <Notice kind="error">{error}</Notice>}
      {items === undefined && !error && <Loading />}
      {items?.length === 0 && !error && <p>{t('inbox.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="inbox">
          {items.map((m) => (
            <li key={m.id} className={m.readAt ? 'message' : 'message message-unread'}>
              <article aria-labelledby={`msg-${m.id}`}>
                <h2 id={`msg-${m.id}`}>
                  {!m.readAt && <span className="tag tag-missing">{t('inbox.new')}</span>}{' '}
                  <span lang={m.language}>{m.subject}</span>
                </h2>
                <p className="meta">{t('inbox.received', { date: formatDate(m.createdAt) })}</p>
                <p className="message-body" lang={m.language}>
                  {m.body}
                </p>
                <p className="actions">
                  <Link
                    to={`/dossiers/${m.dossierId}`}
                    onClick={() => {
                      if (!m.readAt) void markRead(m.id);
                    }}
                  >
                    {t('inbox.openDossier', { reference: m.reference })}
                  </Link>
                  {!m.readAt && (
                    <>
                      {' '}
                      <button type="button" className="link-button" onClick={() => void markRead(m.id)}>
                        {t('inbox.markRead')}
                      </button>
                    </>
                  )}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
      <MoreButton more={more} label={t('inbox.more')} />
    </Page>
  );
}
