import { useCallback, useEffect, useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, TextArea } from '../../components/fields';
import { Loading, Notice, Page } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { api, problemText } from '../../lib/api';
import { useSession } from '../../lib/session';
import { RequestCard } from './RequestCard';
import type { RightsRequest } from './types';

/** Kinds whose refusal the law itself gives (GDPR 17(3)(b), 21(1)): only refusing is offered. */
const REFUSED_BY_LAW = new Set(['erasure', 'objection']);

/**
 * The controller's work list of rights requests (Art. 29 §2-3, GDPR 12(3)): what is due and when,
 * what is near or past its date, and the answers — granted, refused with reasons, an extension
 * once, the lifting of a restriction.
 */
export function RightsWorkList() {
  const { t } = useI18n();
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [items, setItems] = useState<RightsRequest[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);

  const load = useCallback(() => {
    api<{ items: RightsRequest[] }>('GET', `/rights-requests?status=${show}`).then(
      (r) => {
        setItems(r.items);
      },
      (e: unknown) => {
        setError(problemText(e, t('error.generic')));
      },
    );
  }, [show, t]);
  useEffect(load, [load]);

  const after = (text: string) => {
    setDone(text);
    setError(undefined);
    load();
  };

  return (
    <Page title={t('rights.work.title')} lead={t('rights.work.lead')}>
      <RadioGroup
        id="rights-show"
        label={t('rights.work.show')}
        value={show}
        onChange={(v) => {
          setDone(undefined);
          setShow(v === 'all' ? 'all' : 'open');
        }}
        options={[
          { value: 'open', label: t('rights.work.show.open') },
          { value: 'all', label: t('rights.work.show.all') },
        ]}
      />
      {error && <ErrorSummary items={[{ text: error }]} />}
      {done && <Notice kind="success">{done}</Notice>}
      {items === undefined && !error && <Loading />}
      {items?.length === 0 && <p>{t('rights.work.empty')}</p>}
      {items?.map((r) => (
        <RequestCard key={r.id} request={r}>
          <Answer request={r} onDone={after} onError={setError} />
        </RequestCard>
      ))}
    </Page>
  );
}

function Answer({
  request,
  onDone,
  onError,
}: {
  request: RightsRequest;
  onDone: (text: string) => void;
  onError: (text: string) => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const dpo = session?.roles.includes('dpo') ?? false;
  const org = session?.organisation.id;
  const mine = request.parts.filter((p) => p.controller.id === org);
  const open = mine.filter((p) => !p.answer);
  const byLaw = REFUSED_BY_LAW.has(request.kind);
  const [outcome, setOutcome] = useState(byLaw ? 'refused' : 'granted');
  const [reasons, setReasons] = useState('');
  const [extension, setExtension] = useState('');
  const [busy, setBusy] = useState(false);
  const id = request.id;

  const call = async (path: string, body: unknown, text: string) => {
    setBusy(true);
    try {
      await api('POST', `/rights-requests/${id}/${path}`, body);
      onDone(text);
    } catch (e) {
      onError(problemText(e, t('error.generic')));
    } finally {
      setBusy(false);
    }
  };

  const liftable =
    request.kind === 'restriction' &&
    mine.some((p) => p.answer?.outcome === 'granted' && !p.restrictionLifted);
  if (open.length === 0 && !liftable) return null;
  const canAnswer = dpo || request.kind === 'rectification';
  return (
    <div className="rights-answer">
      {open.length > 0 && canAnswer && (
        <form
          aria-label={t('rights.work.answerFor', { kind: t(`rights.kind.${request.kind}`) })}
          onSubmit={(e) => {
            e.preventDefault();
            void call(
              'answer',
              { outcome, ...(reasons.trim() && { reasons: reasons.trim() }) },
              t('rights.work.answered'),
            );
          }}
        >
          <RadioGroup
            id={`outcome-${id}`}
            label={t('rights.work.outcome')}
            hint={byLaw ? t('rights.work.byLaw') : undefined}
            value={outcome}
            onChange={setOutcome}
            options={[
              ...(byLaw ? [] : [{ value: 'granted', label: t('rights.work.grant') }]),
              { value: 'refused', label: t('rights.work.refuse') },
            ]}
          />
          <TextArea
            id={`reasons-${id}`}
            label={t('rights.work.reasons')}
            optional={outcome === 'granted' || byLaw}
            value={reasons}
            onChange={setReasons}
          />
          <p className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t('rights.work.send')}
            </button>
          </p>
        </form>
      )}
      {open.length > 0 && dpo && !open.some((p) => p.extended) && (
        <form
          aria-label={t('rights.work.extendFor', { kind: t(`rights.kind.${request.kind}`) })}
          onSubmit={(e) => {
            e.preventDefault();
            void call('extension', { reasons: extension.trim() }, t('rights.work.extendedNow'));
          }}
        >
          <TextArea
            id={`extension-${id}`}
            label={t('rights.work.extensionReasons')}
            value={extension}
            onChange={setExtension}
          />
          <p className="actions">
            <button type="submit" className="button secondary" disabled={busy || !extension.trim()}>
              {t('rights.work.extend')}
            </button>
          </p>
        </form>
      )}
      {liftable && (
        <p className="actions">
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void call('lift', {}, t('rights.work.liftedNow'))}
          >
            {t('rights.work.lift')}
          </button>
        </p>
      )}
    </div>
  );
}
