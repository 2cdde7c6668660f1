import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Loading, Notice, Page } from '../components/Page';
import { DICTIONARIES, type MessageKey } from '../i18n';
import { StateTag } from '../components/StateTag';
import { Summary, procedureFacts, regionFact } from '../components/Summary';
import { useI18n } from '../i18n/context';
import { api, problemText } from '../lib/api';
import { daysLeftText, relationLabel } from '../lib/format';
import { isApplicantKind, useSession } from '../lib/session';
import type { AccessLogEntry, Dossier, EventView } from '../lib/types';
import { AccessLogView } from './parts/AccessLogView';
import { AppealRoute } from './parts/AppealRoute';
import { NextStep } from './parts/NextStep';
import { ApplicationData } from './parts/ApplicationData';
import { ACTING_KINDS, ActsPanel } from './parts/ActsPanel';
import { RetentionView } from './parts/RetentionView';
import { DecisionsView } from './parts/DecisionsView';
import { ExaminationChecklist } from './parts/ExaminationChecklist';
import { RecognitionSearch } from './parts/RecognitionSearch';
import { RequestPanel } from './parts/RequestPanel';
import { FeePanel } from './application/FeePanel';

export function DossierPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const justFiled = (location.state as { filed?: boolean } | null)?.filed === true;
  // Opened from a consultation search: the read is logged with the purpose stated there.
  const opening = location.state as { purpose?: string; purposeCode?: string; forDossier?: string } | null;
  const purpose = opening?.purpose;
  // Opened for mutual recognition (Art. 26): the own dossier and the purpose's code travel with the read.
  const forDossier = opening?.forDossier;
  const purposeCode = opening?.purposeCode;
  const { t, formatDate, formatDateTime, citation } = useI18n();
  const { session } = useSession();
  const kind = session?.organisation.kind;
  const [dossier, setDossier] = useState<Dossier | undefined>(undefined);
  const [events, setEvents] = useState<EventView[]>([]);
  const [accessLog, setAccessLog] = useState<AccessLogEntry[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [answeredNow, setAnsweredNow] = useState(false);

  const purposeHeader = useMemo(
    (): Record<string, string> => ({
      ...(purpose && { 'x-purpose': encodeURIComponent(purpose) }),
      ...(forDossier && { 'x-for-dossier': forDossier }),
      ...(purposeCode && { 'x-purpose-code': purposeCode }),
    }),
    [purpose, forDossier, purposeCode],
  );
  const load = useCallback(async () => {
    try {
      const [d, e] = await Promise.all([
        api<Dossier>('GET', `/dossiers/${id}`, undefined, purposeHeader),
        api<{ items: EventView[] }>('GET', `/dossiers/${id}/events`, undefined, purposeHeader),
      ]);
      setDossier(d);
      setEvents(e.items);
      if (kind === 'worker') {
        api<{ items: AccessLogEntry[] }>('GET', `/dossiers/${id}/access-log`).then(
          (l) => {
            setAccessLog(l.items);
          },
          () => {
            setAccessLog([]);
          },
        );
      }
    } catch (e) {
      setError(problemText(e, t('error.generic')));
    }
  }, [id, kind, t, purposeHeader]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <Page title={t('error.title')}>
        <Notice kind="error">{error}</Notice>
      </Page>
    );
  }
  if (!dossier) {
    return (
      <Page title={t('common.loading')}>
        <Loading />
      </Page>
    );
  }

  const title = justFiled
    ? t('filed.title', { reference: dossier.reference })
    : t('dossier.title', { reference: dossier.reference });
  const openRequest = dossier.requests.find((r) => r.answeredAt === null);
  const canAnswer = dossier.allowedActions.includes('answer_request') && isApplicantKind(kind);
  const answered = dossier.requests.filter((r) => r.answeredAt !== null);
  const clock = dossier.clock;

  return (
    <Page title={title}>
      {justFiled && (
        <Notice kind="success" title={t('filed.notice', { reference: dossier.reference })}>
          <p>{t('filed.body', { date: formatDate(dossier.filedAt), reference: dossier.reference })}</p>
          <p>{t('filed.next')}</p>
        </Notice>
      )}
      {answeredNow && <Notice kind="success">{t('request.sent')}</Notice>}
      {dossier.state === 'draft' && isApplicantKind(kind) && (
        <p>
          <Link className="button" to={`/dossiers/${dossier.id}/edit/identity`}>
            {t('dossier.continue')}
          </Link>
        </p>
      )}
      <Summary
        facts={[
          {
            term: t('dossier.state'),
            detail: (
              <>
                <StateTag state={dossier.state} />
                <br />
                <span className="hint">{t(`stateHelp.${dossier.state}` as const)}</span>
              </>
            ),
          },
          ...procedureFacts(t, dossier),
          regionFact(t, dossier.region),
          { term: t('dossier.applicant'), detail: dossier.applicant.name },
          !!dossier.filedAt && { term: t('dossier.filedAt'), detail: formatDateTime(dossier.filedAt) },
        ]}
      />
      {dossier.withheld.length > 0 && (
        <p className="hint">
          {t('dossier.withheld', {
            categories: dossier.withheld.map((c) => t(`dataCat.${c}` as const)).join(', '),
          })}
        </p>
      )}

      {(kind === 'worker' || isApplicantKind(kind)) && <NextStep dossier={dossier} />}
      <ApplicationData dossier={dossier} subject={kind === 'worker'} />

      {clock && (
        <section aria-labelledby="clock-title" className="panel">
          <h2 id="clock-title">{t('clock.title')}</h2>
          {clock.status === 'stopped' ? (
            <p>{t('clock.stopped', { date: formatDate(clock.stoppedOn) })}</p>
          ) : (
            <p className="big">
              {t('clock.due', { date: formatDate(clock.dueDate) })}{' '}
              <span className={clock.daysLeft !== null && clock.daysLeft < 0 ? 'overdue' : ''}>
                ({daysLeftText(t, clock.daysLeft)})
              </span>
            </p>
          )}
          {clock.status === 'suspended' && (
            <p>
              {t('clock.suspended', {
                date: formatDate(clock.suspensions.find((s) => s.until === null)?.from),
              })}
            </p>
          )}
          <p>{t('clock.rule', { days: clock.decisionDays, date: formatDate(clock.startedOn) })}</p>
          {clock.suspendedDays > 0 && <p>{t('clock.suspendedTotal', { days: clock.suspendedDays })}</p>}
          {clock.extension && (
            <p>{t('clock.extension', { days: clock.extension.days, reason: clock.extension.reason })}</p>
          )}
          <details>
            <summary>{t('docs.why')}</summary>
            <p className="hint">{citation(clock.legalSource)}</p>
          </details>
        </section>
      )}

      {dossier.fee && dossier.state !== 'draft' && (
        <FeePanel dossier={dossier} onChanged={() => void load()} />
      )}
      {ACTING_KINDS.has(kind ?? '') && <ActsPanel dossier={dossier} kind={kind} onChanged={load} />}
      {dossier.retention && <RetentionView retention={dossier.retention} />}

      {openRequest && (
        <RequestPanel
          dossier={dossier}
          request={openRequest}
          canAnswer={canAnswer}
          onDone={() => {
            setAnsweredNow(true);
            void load();
          }}
          setDossier={setDossier}
        />
      )}

      {dossier.decisions.length > 0 && <DecisionsView dossier={dossier} />}
      {kind === 'worker' && <AppealRoute dossier={dossier} />}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        {events.length === 0 ? (
          <p className="muted">{t('timeline.empty')}</p>
        ) : (
          <ol className="timeline">
            {events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                <span className="event">
                  {e.action in ACTION_KEYS ? t(`action.${e.action}` as MessageKey) : e.action}
                </span>
                {e.by && (
                  <span className="muted"> — {t('timeline.by', { who: relationLabel(t, e.by) })}</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {answered.length > 0 && (
        <section aria-labelledby="answered-title">
          <h2 id="answered-title">{t('request.previous')}</h2>
          <ul>
            {answered.map((r) => (
              <li key={r.id}>
                {t('request.answeredOn', {
                  asked: formatDate(r.requestedAt),
                  date: formatDate(r.answeredAt),
                })}
                : {r.items.map((i) => i.description).join('; ')}
              </li>
            ))}
          </ul>
        </section>
      )}

      {dossier.checklist && <ExaminationChecklist checklist={dossier.checklist} />}
      {kind === 'regional_authority' && dossier.checklist && !forDossier && (
        <RecognitionSearch dossier={dossier} />
      )}

      {kind === 'worker' && <AccessLogView entries={accessLog} />}
    </Page>
  );
}

/** Actions added to the server later show under their code until a text exists (a unit test asks for one). */
const ACTION_KEYS: Record<string, true> = Object.fromEntries(
  Object.keys(DICTIONARIES.en)
    .filter((k) => k.startsWith('action.'))
    .map((k) => [k.slice('action.'.length), true]),
);
