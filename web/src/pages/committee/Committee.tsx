import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import type { CommitteeMembers, OperationalFigures } from '../../../../src/contract/committee';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Loading, Notice, Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/en';
import { api, problemText } from '../../lib/api';
import { useSession } from '../../lib/session';

interface MeetingSummary {
  id: string;
  heldOn: string;
  title: string;
  urgent: boolean;
  minutesClosedAt: string | null;
}

/**
 * The management committee's page (Art. 30): who sits for each body, the platform's operational
 * figures, the meetings, and the cost report of a period (Art. 33). The secretariat convenes.
 */
export function Committee() {
  const { t, formatDate, lang } = useI18n();
  const { session } = useSession();
  const secretariat =
    session?.organisation.kind === 'management_committee' && session.roles.includes('secretariat');
  const [members, setMembers] = useState<CommitteeMembers | undefined>(undefined);
  const [figures, setFigures] = useState<OperationalFigures | undefined>(undefined);
  const [meetings, setMeetings] = useState<MeetingSummary[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [period, setPeriod] = useState(String(new Date().getFullYear()));

  const load = useCallback(() => {
    const year = new Date().getFullYear();
    const fail = (e: unknown) => {
      setError(problemText(e, t('error.generic')));
    };
    api<CommitteeMembers>('GET', '/committee/members').then(setMembers, fail);
    api<OperationalFigures>('GET', `/committee/operations?from=${year}-01-01&to=${year}-12-31`).then(
      setFigures,
      fail,
    );
    api<{ meetings: MeetingSummary[] }>('GET', '/committee/meetings').then((r) => {
      setMeetings(r.meetings);
    }, fail);
  }, [t]);
  useEffect(load, [load]);

  const sitting = (members?.members ?? []).filter((m) => m.endedOn === null);
  const validPeriod = /^\d{4}(-Q[1-4])?$/.test(period);

  return (
    <Page title={t('committee.title')} lead={t('committee.lead')}>
      {error && <ErrorSummary items={[{ text: error }]} />}
      <h2>{t('committee.members')}</h2>
      {!members && !error && <Loading />}
      {members && (
        <>
          <p>{t('committee.rule', { seats: members.seats, majority: members.majority })}</p>
          <Table
            caption={t('committee.members')}
            className="committee-members"
            rows={sitting}
            rowKey={(m) => m.id}
            columns={[
              { header: t('committee.body'), cell: (m) => t(`committee.body.${m.body}` as MessageKey) },
              { header: t('committee.seat'), cell: (m) => t(`committee.seat.${m.seat}` as MessageKey) },
              { header: t('committee.name'), cell: (m) => m.name },
              { header: t('committee.since'), cell: (m) => formatDate(m.designatedOn) },
            ]}
          />
        </>
      )}
      <h2>{t('committee.figures')}</h2>
      {figures && (
        <dl className="summary-list">
          <dt>{t('committee.fig.filed')}</dt>
          <dd>{figures.filed}</dd>
          <dt>{t('committee.fig.decisions')}</dt>
          <dd>{figures.decisions}</dd>
          <dt>{t('committee.fig.deadlines')}</dt>
          <dd>
            {t('committee.fig.deadlinesValue', {
              within: figures.decisionsWithinDeadline,
              measured: figures.decisionsMeasured,
            })}
          </dd>
          <dt>{t('committee.fig.rights')}</dt>
          <dd>
            {t('committee.fig.rightsValue', {
              open: figures.openRightsRequests,
              overdue: figures.overdueRightsRequests,
            })}
          </dd>
          <dt>{t('committee.fig.backlog')}</dt>
          <dd>
            {figures.oldestUnacknowledgedDeliveryDays === null
              ? String(figures.deliveryBacklog)
              : t('committee.fig.backlogValue', {
                  count: figures.deliveryBacklog,
                  days: figures.oldestUnacknowledgedDeliveryDays,
                })}
          </dd>
        </dl>
      )}
      <p>
        <Link to="/statistics">{t('committee.dashboards')}</Link>
      </p>
      <h2>{t('committee.meetings')}</h2>
      {meetings?.length === 0 && <p>{t('committee.noMeetings')}</p>}
      {meetings && meetings.length > 0 && (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/committee/meetings/${m.id}`}>
                {formatDate(m.heldOn)} — {m.title}
              </Link>{' '}
              {m.minutesClosedAt ? t('committee.closed') : t('committee.open')}
            </li>
          ))}
        </ul>
      )}
      {secretariat && <Convene onDone={load} />}
      <h2>{t('costs.title')}</h2>
      <p>{t('costs.lead')}</p>
      <TextField
        id="cost-period"
        label={t('costs.period')}
        hint={t('costs.periodHint')}
        width="short"
        value={period}
        error={validPeriod ? undefined : t('costs.periodHint')}
        onChange={setPeriod}
      />
      {validPeriod && (
        <ul>
          <li>
            <a href={`/api/v1/costs/reports/${period}?format=pdf&language=${lang}`} download>
              {t('costs.pdf', { period })}
            </a>
          </li>
          <li>
            <a href={`/api/v1/costs/reports/${period}?format=csv`} download>
              {t('costs.csv', { period })}
            </a>
          </li>
        </ul>
      )}
    </Page>
  );
}

/** The secretariat convenes a meeting: a date, a title and the agenda, one item a line. */
function Convene({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [heldOn, setHeldOn] = useState('');
  const [title, setTitle] = useState('');
  const [decisions, setDecisions] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState(false);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const agenda = decisions
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((line) => ({ title: line, kind: 'decision' as const }));
    api('POST', '/committee/meetings', { heldOn, title, agenda }).then(
      () => {
        setDone(true);
        setError(undefined);
        onDone();
      },
      (err: unknown) => {
        setError(problemText(err, t('error.generic')));
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('committee.convene')}</h3>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {done && <Notice kind="success">{t('committee.convened')}</Notice>}
      <TextField
        id="meeting-date"
        label={t('committee.heldOn')}
        hint={t('committee.dateHint')}
        width="short"
        value={heldOn}
        onChange={setHeldOn}
      />
      <TextField id="meeting-title" label={t('committee.meetingTitle')} value={title} onChange={setTitle} />
      <div className="field">
        <label htmlFor="meeting-agenda">{t('committee.agendaLines')}</label>
        <textarea
          id="meeting-agenda"
          rows={4}
          value={decisions}
          onChange={(e) => {
            setDecisions(e.target.value);
          }}
        />
      </div>
      <p className="actions">
        <button type="submit" className="button">
          {t('committee.convene')}
        </button>
      </p>
    </form>
  );
}
