import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { useParams } from 'react-router';
import type {
  AgendaItem,
  CommitteeMember,
  CommitteeMembers,
  Meeting,
} from '../../../../src/contract/committee';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, SelectField } from '../../components/fields';
import { Loading, Notice, Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/en';
import { api, problemText } from '../../lib/api';
import { useSession } from '../../lib/session';

/**
 * One meeting of the committee: attendance, who sits for each body (the substitute only for an
 * absent representative), the vote on each decision item with its count against the absolute
 * majority of the seats, and the minutes. The secretariat records; every member reads.
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const { session } = useSession();
  const secretariat =
    session?.organisation.kind === 'management_committee' && session.roles.includes('secretariat');
  const [meeting, setMeeting] = useState<Meeting | undefined>(undefined);
  const [members, setMembers] = useState<CommitteeMember[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);

  const load = useCallback(() => {
    const fail = (e: unknown) => {
      setError(problemText(e, t('error.generic')));
    };
    api<Meeting>('GET', `/committee/meetings/${encodeURIComponent(id)}`).then(setMeeting, fail);
    api<CommitteeMembers>('GET', '/committee/members').then((r) => {
      setMembers(r.members);
    }, fail);
  }, [id, t]);
  useEffect(load, [load]);

  const act = (method: string, path: string, body: unknown, message: string): void => {
    void api<Meeting>(method, `/committee/meetings/${encodeURIComponent(id)}${path}`, body).then(
      (m) => {
        setMeeting(m);
        setError(undefined);
        setDone(message);
      },
      (e: unknown) => {
        setDone(undefined);
        setError(problemText(e, t('error.generic')));
      },
    );
  };

  if (!meeting) return error ? <ErrorSummary items={[{ text: error }]} /> : <Loading />;
  const open = meeting.minutesClosedAt === null && secretariat;
  const inOffice = members.filter(
    (m) => m.designatedOn <= meeting.heldOn && (m.endedOn === null || m.endedOn >= meeting.heldOn),
  );
  const name = (memberId: string | null) =>
    members.find((m) => m.id === memberId)?.name ?? t('committee.nobody');
  const present = new Set(meeting.attendance.filter((a) => a.present).map((a) => a.memberId));

  return (
    <Page title={`${meeting.title} — ${formatDate(meeting.heldOn)}`}>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {done && <Notice kind="success">{done}</Notice>}
      <h2>{t('committee.attendance')}</h2>
      {open ? (
        <Attendance
          members={inOffice}
          present={present}
          onSave={(list) => {
            act('PUT', '/attendance', { attendance: list }, t('committee.saved'));
          }}
        />
      ) : (
        <p>
          {inOffice
            .filter((m) => present.has(m.id))
            .map((m) => m.name)
            .join(', ') || t('committee.nobody')}
        </p>
      )}
      <Table
        caption={t('committee.sitting')}
        className="committee-sitting"
        rows={meeting.sitting}
        rowKey={(s) => s.body}
        columns={[
          { header: t('committee.body'), cell: (s) => t(`committee.body.${s.body}` as MessageKey) },
          { header: t('committee.sitting'), cell: (s) => name(s.memberId) },
          {
            header: t('committee.seat'),
            cell: (s) => (s.seat ? t(`committee.seat.${s.seat}` as MessageKey) : '—'),
          },
        ]}
      />
      <h2>{t('committee.agenda')}</h2>
      <ol className="agenda">
        {meeting.agenda.map((item) => (
          <li key={item.id}>
            <h3>{item.title}</h3>
            {item.kind === 'information' ? (
              <p>{t('committee.information')}</p>
            ) : (
              <Item
                item={item}
                name={name}
                voters={meeting.sitting.filter((s) => s.memberId !== null)}
                canVote={open && item.outcome === null}
                onVote={(memberId, choice) => {
                  act('POST', `/items/${item.id}/votes`, { memberId, choice }, t('committee.voteRecorded'));
                }}
                onClose={() => {
                  act('POST', `/items/${item.id}/close`, undefined, t('committee.voteClosed'));
                }}
              />
            )}
          </li>
        ))}
      </ol>
      <h2>{t('committee.minutes')}</h2>
      {open ? (
        <Minutes
          initial={meeting.minutes ?? ''}
          onSave={(minutes, close) => {
            act('PUT', '/minutes', { minutes, close }, t('committee.saved'));
          }}
        />
      ) : (
        <p className="minutes">{meeting.minutes ?? t('committee.noMinutes')}</p>
      )}
    </Page>
  );
}

function Attendance({
  members,
  present,
  onSave,
}: {
  members: CommitteeMember[];
  present: Set<string>;
  onSave: (list: { memberId: string; present: boolean }[]) => void;
}) {
  const { t } = useI18n();
  const [ticked, setTicked] = useState<Set<string>>(present);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    onSave(members.map((m) => ({ memberId: m.id, present: ticked.has(m.id) })));
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="field checkboxes">
        <legend>{t('committee.whoAttended')}</legend>
        {members.map((m) => (
          <div className="checkbox" key={m.id}>
            <input
              type="checkbox"
              id={`present-${m.id}`}
              checked={ticked.has(m.id)}
              onChange={(e) => {
                const next = new Set(ticked);
                if (e.target.checked) next.add(m.id);
                else next.delete(m.id);
                setTicked(next);
              }}
            />
            <label htmlFor={`present-${m.id}`}>
              {m.name} — {t(`committee.body.${m.body}` as MessageKey)},{' '}
              {t(`committee.seat.${m.seat}` as MessageKey)}
            </label>
          </div>
        ))}
      </fieldset>
      <p className="actions">
        <button type="submit" className="button secondary">
          {t('committee.saveAttendance')}
        </button>
      </p>
    </form>
  );
}

function Item({
  item,
  name,
  voters,
  canVote,
  onVote,
  onClose,
}: {
  item: AgendaItem;
  name: (id: string | null) => string;
  voters: { body: string; memberId: string | null }[];
  canVote: boolean;
  onVote: (memberId: string, choice: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [memberId, setMemberId] = useState('');
  const [choice, setChoice] = useState('');
  const tally = item.tally;
  const waiting = voters.filter((v) => !item.votes.some((x) => x.body === v.body));
  return (
    <>
      {tally && (
        <p>
          {t('committee.tally', {
            yes: tally.yes,
            no: tally.no,
            abstain: tally.abstain,
            notVoting: tally.notVoting,
            needed: tally.needed,
            seats: tally.seats,
          })}{' '}
          <strong>
            {item.outcome ? t(`committee.outcome.${item.outcome}` as MessageKey) : t('committee.voteOpen')}
          </strong>
        </p>
      )}
      {item.votes.length > 0 && (
        <Table
          caption={t('committee.votesOf', { item: item.title })}
          className="committee-votes"
          rows={item.votes}
          rowKey={(v) => v.body}
          columns={[
            { header: t('committee.body'), cell: (v) => t(`committee.body.${v.body}` as MessageKey) },
            {
              header: t('committee.name'),
              cell: (v) => `${name(v.memberId)} (${t(`committee.seat.${v.seat}` as MessageKey)})`,
            },
            { header: t('committee.choice'), cell: (v) => t(`committee.choice.${v.choice}` as MessageKey) },
          ]}
        />
      )}
      {canVote && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (memberId && choice) onVote(memberId, choice);
          }}
        >
          <SelectField
            id={`voter-${item.id}`}
            label={t('committee.voter')}
            value={memberId}
            options={waiting.map((v) => ({
              value: v.memberId ?? '',
              label: `${name(v.memberId)} — ${t(`committee.body.${v.body}` as MessageKey)}`,
            }))}
            onChange={setMemberId}
          />
          <RadioGroup
            id={`choice-${item.id}`}
            label={t('committee.choice')}
            value={choice}
            options={(['yes', 'no', 'abstain'] as const).map((c) => ({
              value: c,
              label: t(`committee.choice.${c}`),
            }))}
            onChange={setChoice}
          />
          <p className="actions">
            <button type="submit" className="button">
              {t('committee.recordVote')}
            </button>{' '}
            <button type="button" className="button secondary" onClick={onClose}>
              {t('committee.closeVote')}
            </button>
          </p>
        </form>
      )}
    </>
  );
}

function Minutes({
  initial,
  onSave,
}: {
  initial: string;
  onSave: (minutes: string, close: boolean) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text, false);
      }}
    >
      <div className="field">
        <label htmlFor="minutes">{t('committee.minutes')}</label>
        <textarea
          id="minutes"
          rows={6}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </div>
      <p className="actions">
        <button type="submit" className="button secondary">
          {t('committee.saveMinutes')}
        </button>{' '}
        <button
          type="button"
          className="button"
          onClick={() => {
            onSave(text, true);
          }}
        >
          {t('committee.closeMinutes')}
        </button>
      </p>
    </form>
  );
}
