import { useEffect, useState } from 'react';
import type { PlatformHealth as Health } from '../../../src/contract/oversight';
import { ErrorSummary } from '../components/ErrorSummary';
import { Loading, Page } from '../components/Page';
import { Table } from '../components/Table';
import { useI18n } from '../i18n/context';
import { api, problemText } from '../lib/api';

type Backlog = Health['deliveries']['notifications'];
const BACKLOGS = ['notifications', 'webhookPushes', 'deletionPushes'] as const;
const REGIONS = ['flanders', 'wallonia', 'brussels', 'ostbelgien'] as const;

/** The operator's screen (R-CONS-4): counts, backlogs and job runs; nothing of any dossier's content. */
export function PlatformHealth() {
  const { t, formatDateTime } = useI18n();
  const [health, setHealth] = useState<Health | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    api<Health>('GET', '/operations/health').then(setHealth, (e: unknown) => {
      setError(problemText(e, t('error.generic')));
    });
  }, [t]);

  const regionName = (r: string | null) =>
    r && (REGIONS as readonly string[]).includes(r)
      ? t(`health.region.${r as (typeof REGIONS)[number]}` as const)
      : t('health.noRegion');
  const states = health ? [...new Set(health.queues.map((q) => q.state))] : [];
  const regions = health ? [...new Set(health.queues.map((q) => q.region))] : [];
  const count = (region: string | null, state: string) =>
    health?.queues.find((q) => q.region === region && q.state === state)?.count ?? 0;

  return (
    <Page title={t('health.title')} lead={t('health.lead')}>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {!health ? (
        !error && <Loading />
      ) : (
        <>
          <p className="muted">{t('health.at', { at: formatDateTime(health.at) })}</p>
          <section aria-labelledby="health-queues">
            <h2 id="health-queues">{t('health.queues')}</h2>
            {health.queues.length === 0 ? (
              <p>{t('health.queues.none')}</p>
            ) : (
              <Table
                caption={t('health.queues')}
                className="health-queues"
                rows={states}
                rowKey={(s) => s}
                columns={[
                  { header: t('col.state'), cell: (s) => t(`state.${s}` as const) },
                  ...regions.map((r) => ({ header: regionName(r), cell: (s: string) => count(r, s) })),
                ]}
              />
            )}
          </section>
          <section aria-labelledby="health-deliveries">
            <h2 id="health-deliveries">{t('health.deliveries')}</h2>
            <Table
              caption={t('health.deliveries')}
              className="health-backlog"
              rows={BACKLOGS.map((k) => [k, health.deliveries[k]] as const)}
              rowKey={([k]) => k}
              columns={[
                { header: t('health.col.outbox'), cell: ([k]) => t(`health.outbox.${k}` as const) },
                { header: t('health.col.pending'), cell: ([, b]: readonly [string, Backlog]) => b.pending },
                { header: t('health.col.retrying'), cell: ([, b]) => b.retrying },
                { header: t('health.col.failed'), cell: ([, b]) => b.failed },
                {
                  header: t('health.col.oldest'),
                  cell: ([, b]) => (b.oldestPendingAt ? formatDateTime(b.oldestPendingAt) : '—'),
                },
              ]}
            />
            <h3>{t('health.unacknowledged')}</h3>
            {health.deliveries.unacknowledged.length === 0 ? (
              <p>{t('health.unacknowledged.none')}</p>
            ) : (
              <ul>
                {health.deliveries.unacknowledged.map((u) => (
                  <li key={u.recipientKind}>
                    {t(`orgKind.${u.recipientKind}` as const)}: {u.count}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="health-jobs">
            <h2 id="health-jobs">{t('health.jobs')}</h2>
            <Table
              caption={t('health.jobs')}
              className="health-jobs"
              rows={health.jobs}
              rowKey={(j) => j.job}
              columns={[
                { header: t('health.col.job'), cell: (j) => <code>{j.job}</code> },
                {
                  header: t('health.col.every'),
                  cell: (j) => t('health.every', { seconds: j.periodSeconds }),
                },
                {
                  header: t('health.col.outcome'),
                  cell: (j) => (
                    <span className={`job-${j.outcome}`}>
                      {t(`health.outcome.${j.outcome}` as const)}
                      {j.errorKind && ` (${j.errorKind})`}
                    </span>
                  ),
                },
                {
                  header: t('health.col.last'),
                  cell: (j) => (j.startedAt ? formatDateTime(j.startedAt) : '—'),
                },
                {
                  header: t('health.col.duration'),
                  cell: (j) => (j.durationMs === null ? '—' : t('health.ms', { ms: j.durationMs })),
                },
                {
                  header: t('health.col.runs'),
                  cell: (j) => t('health.runs', { runs: j.runs, failures: j.failures }),
                },
              ]}
            />
          </section>
        </>
      )}
    </Page>
  );
}
