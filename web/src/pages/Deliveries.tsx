import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary';
import { RadioGroup } from '../components/fields';
import { Loading, Notice, Page } from '../components/Page';
import { useI18n } from '../i18n/context';
import { ApiError, api } from '../lib/api';
import { useSession } from '../lib/session';
import type { DeliveryItem } from '../lib/types';

const EVENTS = new Set([
  'visa_d_authorised',
  'residence_document_authorised',
  'single_permit_withdrawn',
  'negative_decision',
]);

/** The inbox of decisions delivered to the caller's organisation (R-RCPT-1..4). */
export function Deliveries() {
  const { t, formatDateTime } = useI18n();
  const { session } = useSession();
  const issuer = session?.organisation.kind === 'post' || session?.organisation.kind === 'municipality';
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [items, setItems] = useState<DeliveryItem[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);

  const load = useCallback(
    async (which: 'open' | 'all', after: string | null) => {
      const params = new URLSearchParams({ limit: '50' });
      if (which === 'open') params.set('acknowledged', 'false');
      if (after) params.set('cursor', after);
      try {
        const page = await api<{ items: DeliveryItem[]; nextCursor: string | null }>(
          'GET',
          `/deliveries?${params.toString()}`,
        );
        setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (e) {
        setError(e instanceof ApiError && e.title ? e.title : t('error.generic'));
        setItems((prev) => prev ?? []);
      }
    },
    [t],
  );

  useEffect(() => {
    void load(show, null);
  }, [show, load]);

  const acknowledge = async (item: DeliveryItem) => {
    setBusy(item.id);
    try {
      const acked = await api<Partial<DeliveryItem>>('POST', `/deliveries/${item.id}/ack`, {});
      setItems((prev) =>
        (prev ?? []).map((d) =>
          d.id === item.id ? { ...d, acknowledgedAt: acked.acknowledgedAt ?? new Date().toISOString() } : d,
        ),
      );
      setDone(t('deliveries.ackedNow', { reference: item.reference }));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError && e.title ? e.title : t('error.generic'));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Page title={t('deliveries.title')} lead={t('deliveries.lead')}>
      <RadioGroup
        id="deliveries-show"
        label={t('deliveries.show')}
        value={show}
        onChange={(v) => {
          setDone(undefined);
          setShow(v === 'all' ? 'all' : 'open');
        }}
        options={[
          { value: 'open', label: t('deliveries.show.open') },
          { value: 'all', label: t('deliveries.show.all') },
        ]}
      />
      {error && <ErrorSummary items={[{ text: error }]} />}
      {done && <Notice kind="success">{done}</Notice>}
      {items === undefined ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{t('deliveries.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="dossier-table deliveries-table">
            <caption className="visually-hidden">{t('deliveries.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.col.reference')}</th>
                <th scope="col">{t('deliveries.col.event')}</th>
                <th scope="col">{t('deliveries.col.deliveredAt')}</th>
                <th scope="col">{t('deliveries.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-reference={d.reference}>
                  <td data-label={t('deliveries.col.reference')}>
                    <Link to={`/dossiers/${d.dossierId}`}>{d.reference}</Link>
                    {issuer && d.event !== 'negative_decision' && (
                      <>
                        <br />
                        <Link className="issue-link" to={`/dossiers/${d.dossierId}#acts-title`}>
                          {t('deliveries.issue')}
                          <span className="visually-hidden"> ({d.reference})</span>
                        </Link>
                      </>
                    )}
                  </td>
                  <td data-label={t('deliveries.col.event')}>
                    {EVENTS.has(d.event) ? t(`delivery.event.${d.event}` as const) : d.event}
                  </td>
                  <td data-label={t('deliveries.col.deliveredAt')}>{formatDateTime(d.deliveredAt)}</td>
                  <td data-label={t('deliveries.col.status')}>
                    {d.acknowledgedAt ? (
                      <span className="acked">
                        {t('deliveries.acked', { date: formatDateTime(d.acknowledgedAt) })}
                      </span>
                    ) : (
                      <>
                        <strong>{t('deliveries.open')}</strong>
                        <br />
                        <button
                          type="button"
                          className="button secondary ack"
                          disabled={busy === d.id}
                          aria-label={t('deliveries.ack.for', { reference: d.reference })}
                          onClick={() => void acknowledge(d)}
                        >
                          {t('deliveries.ack')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <p>
          <button type="button" className="button secondary" onClick={() => void load(show, cursor)}>
            {t('deliveries.more')}
          </button>
        </p>
      )}
    </Page>
  );
}
