import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary';
import { RadioGroup } from '../components/fields';
import { Loading, MoreButton, Notice, Page } from '../components/Page';
import { Table } from '../components/Table';
import { useI18n } from '../i18n/context';
import { api, problemText } from '../lib/api';
import { useSession } from '../lib/session';
import type { DeliveryItem } from '../lib/types';
import { usePagedList } from '../lib/usePagedList';

const EVENTS = new Set([
  'visa_d_authorised',
  'residence_document_authorised',
  'single_permit_withdrawn',
  'negative_decision',
  'rectified',
]);

type Show = 'open' | 'all';
const queryOf = (show: Show) => ({ acknowledged: show === 'open' ? 'false' : undefined });

/** The inbox of decisions delivered to the caller's organisation (R-RCPT-1..4). */
export function Deliveries() {
  const { t, formatDate, formatDateTime } = useI18n();
  const { session } = useSession();
  const issuer = session?.organisation.kind === 'post' || session?.organisation.kind === 'municipality';
  const [show, setShow] = useState<Show>('open');
  const { items, setItems, error, setError, more } = usePagedList<DeliveryItem, Show>(
    '/deliveries',
    show,
    queryOf,
  );
  const [done, setDone] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);

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
      setError(problemText(e, t('error.generic')));
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
        <Table
          caption={t('deliveries.title')}
          className="dossier-table deliveries-table"
          rows={items}
          rowKey={(d) => d.id}
          rowAttributes={(d) => ({ 'data-reference': d.reference })}
          columns={[
            {
              header: t('deliveries.col.reference'),
              cell: (d) => (
                <>
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
                </>
              ),
            },
            {
              header: t('deliveries.col.worker'),
              cell: (d) => <DeliveredWorkerCell worker={d.worker} />,
            },
            {
              header: t('deliveries.col.event'),
              cell: (d) => (
                <>
                  {EVENTS.has(d.event) ? t(`delivery.event.${d.event}` as const) : d.event}
                  {d.decision && (d.decision.validFrom || d.decision.validUntil) && (
                    <>
                      <br />
                      <span className="delivered-validity">
                        {t('deliveries.validity', {
                          from: d.decision.validFrom ? formatDate(d.decision.validFrom) : '—',
                          until: d.decision.validUntil ? formatDate(d.decision.validUntil) : '—',
                        })}
                      </span>
                    </>
                  )}
                </>
              ),
            },
            { header: t('deliveries.col.deliveredAt'), cell: (d) => formatDateTime(d.deliveredAt) },
            {
              header: t('deliveries.col.status'),
              cell: (d) =>
                d.acknowledgedAt ? (
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
                ),
            },
          ]}
        />
      )}
      <MoreButton more={more} label={t('deliveries.more')} />
    </Page>
  );
}

/** Who the delivered decision is about, as the law lets this organisation read it. */
function DeliveredWorkerCell({ worker }: { worker: DeliveryItem['worker'] }) {
  const { t, formatDate, countryName } = useI18n();
  if (!worker) return <span className="hidden-by-law">{t('deliveries.workerHidden')}</span>;
  const name = [worker.givenNames, worker.familyName].filter(Boolean).join(' ');
  return (
    <span className="delivered-worker">
      {name && <strong>{name}</strong>}
      {worker.birthDate && <> — {formatDate(worker.birthDate)}</>}
      {worker.nationality && <>, {countryName(worker.nationality)}</>}
      {worker.passportNumber && (
        <>
          <br />
          {t('deliveries.passport', {
            number: worker.passportNumber,
            country: worker.passportIssuingCountry ? countryName(worker.passportIssuingCountry) : '—',
            expiry: worker.passportExpiry ? formatDate(worker.passportExpiry) : '—',
          })}
        </>
      )}
    </span>
  );
}
