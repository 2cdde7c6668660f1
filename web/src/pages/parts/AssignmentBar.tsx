import { useCallback, useEffect, useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { api, problemText } from '../../lib/api';
import type { Assignment } from '../../lib/types';
import { isDpo } from '../../lib/homes';
import { useSession } from '../../lib/session';
import { useSubmit } from '../../lib/useForm';

/**
 * Who of this authority handles the dossier, and the one button to take it or hand it back. Not
 * for the DPO: supervising is not examining, and the server refuses them the dossier anyway.
 */
export function AssignmentBar({ dossierId }: { dossierId: string }) {
  const { t, formatDate } = useI18n();
  const supervises = isDpo(useSession().session);
  const [assignment, setAssignment] = useState<Assignment | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const { busy, run } = useSubmit();
  const path = `/dossiers/${dossierId}/assignment`;

  const load = useCallback(async () => {
    try {
      setAssignment(await api<Assignment>('GET', path));
    } catch {
      setAssignment({ assignee: null });
    }
  }, [path]);
  useEffect(() => {
    if (!supervises) void load();
  }, [load, supervises]);

  const change = async (method: 'PUT' | 'DELETE', message: string) => {
    setProblem(undefined);
    await run(
      async () => {
        setAssignment(await api<Assignment>(method, path));
        setDone(message);
      },
      (e) => {
        setProblem(problemText(e, t('error.generic')));
      },
    );
  };

  if (supervises || !assignment) return null;
  const a = assignment.assignee;
  return (
    <section aria-labelledby="assign-title" className="assignment">
      <h3 id="assign-title">{t('assign.title')}</h3>
      {done && <Notice kind="success">{done}</Notice>}
      {problem && <ErrorSummary items={[{ text: problem }]} />}
      <p>
        {!a
          ? t('assign.nobody')
          : a.isMe
            ? t('assign.me', { date: formatDate(a.assignedAt) })
            : t('assign.other', { name: a.name, date: formatDate(a.assignedAt) })}
      </p>
      <p className="actions">
        {a?.isMe ? (
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void change('DELETE', t('assign.released'))}
          >
            {t('assign.release')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void change('PUT', t('assign.taken'))}
          >
            {a ? t('assign.takeOver') : t('assign.take')}
          </button>
        )}
      </p>
    </section>
  );
}
