import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { DOCUMENT_TYPES } from '../../../../src/rules/documents';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { ApiError, api } from '../../lib/api';
import { documentLabel } from '../../lib/format';
import type { Dossier } from '../../lib/types';
import { AssignmentBar } from './AssignmentBar';
import { SourcesView } from './SourcesView';

/** Organisation kinds that act on a dossier from this page. */
export const ACTING_KINDS: ReadonlySet<string> = new Set([
  'regional_authority',
  'dvz',
  'post',
  'municipality',
]);
export const AUTHORITY_KINDS: ReadonlySet<string> = new Set(['regional_authority', 'dvz']);

type Prepared = { errors: Record<string, string> } | { path: string; body: unknown };

const today = () => new Date().toISOString().slice(0, 10);

/** The catalogued problem title, and each field's message, as the server said them in the caller's language. */
function problemItems(e: unknown, fallback: string): SummaryItem[] {
  if (!(e instanceof ApiError)) return [{ text: fallback }];
  return [{ text: e.title || fallback }, ...e.errors.map((f) => ({ text: f.message }))];
}

/**
 * One act: its fields, then a confirmation step, then the call. The errors of the form are listed
 * at the top of the act and beside each field; a refusal shows the server's catalogued text.
 */
function Act({
  id,
  title,
  lead,
  submitLabel,
  prepare,
  onDone,
  fieldErrors,
  setFieldErrors,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  submitLabel?: string;
  prepare: () => Prepared;
  onDone: (title: string) => void;
  fieldErrors: Record<string, string>;
  setFieldErrors: (errors: Record<string, string>) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState<{ path: string; body: unknown } | undefined>(undefined);
  const [problem, setProblem] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setProblem([]);
    const prepared = prepare();
    if ('errors' in prepared) {
      setFieldErrors(prepared.errors);
      if (Object.keys(prepared.errors).length) return;
    } else {
      setFieldErrors({});
      setPending(prepared);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await api('POST', pending.path, pending.body);
      setPending(undefined);
      onDone(title);
    } catch (error) {
      setPending(undefined);
      setProblem(problemItems(error, t('error.generic')));
    } finally {
      setBusy(false);
    }
  };

  const formErrors = Object.entries(fieldErrors).map(([target, text]) => ({ target, text }));
  return (
    <section aria-labelledby={`${id}-title`} className="act" id={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {lead && <p className="hint">{lead}</p>}
      {formErrors.length > 0 && <ErrorSummary items={formErrors} />}
      {problem.length > 0 && <ErrorSummary items={problem} />}
      {pending ? (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm-title`}>
          <h4 id={`${id}-confirm-title`} tabIndex={-1} ref={confirmRef}>
            {t('acts.confirm.title', { act: title })}
          </h4>
          <p>{t('acts.confirm.body')}</p>
          <p className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
              {t('acts.confirm.yes')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => {
                setPending(undefined);
              }}
            >
              {t('acts.confirm.no')}
            </button>
          </p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
          {children}
          <p className="actions">
            <button type="submit" className="button">
              {submitLabel ?? t('acts.record')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

function AdmissibilityAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const options = [
    ...(dossier.allowedActions.includes('declare_admissible')
      ? [{ value: 'admissible', label: t('acts.admissibility.admissible') }]
      : []),
    ...(dossier.allowedActions.includes('declare_inadmissible')
      ? [{ value: 'inadmissible', label: t('acts.admissibility.inadmissible') }]
      : []),
  ];
  const [outcome, setOutcome] = useState(options[0]?.value ?? 'admissible');
  const [grounds, setGrounds] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-admissibility"
      title={t('acts.admissibility.title')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        outcome === 'inadmissible' && !grounds.trim()
          ? { errors: { 'admissibility-grounds': t('acts.reasons.required') } }
          : {
              path: `/dossiers/${dossier.id}/admissibility`,
              body: { outcome, ...(grounds.trim() && { grounds: grounds.trim() }) },
            }
      }
    >
      <RadioGroup
        id="admissibility-outcome"
        label={t('acts.admissibility.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={options}
      />
      <TextArea
        id="admissibility-grounds"
        label={t('acts.reasons')}
        optional={outcome !== 'inadmissible'}
        value={grounds}
        onChange={setGrounds}
        error={errors['admissibility-grounds']}
      />
    </Act>
  );
}

function RequestAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const [dueDate, setDueDate] = useState('');
  const [documentType, setDocumentType] = useState('');
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-request"
      title={t('acts.request.title')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() => {
        const found: Record<string, string> = {};
        if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found['request-due'] = t('acts.request.dueDate.required');
        if (!description.trim()) found['request-description'] = t('acts.request.description.required');
        if (Object.keys(found).length) return { errors: found };
        return {
          path: `/dossiers/${dossier.id}/requests`,
          body: {
            dueDate,
            items: [{ description: description.trim(), ...(documentType && { documentType }) }],
            ...(message.trim() && { message: message.trim() }),
          },
        };
      }}
    >
      <TextField
        id="request-due"
        type="date"
        label={t('acts.request.dueDate')}
        value={dueDate}
        onChange={setDueDate}
        error={errors['request-due']}
        width="short"
      />
      <SelectField
        id="request-type"
        label={t('acts.request.documentType')}
        optional
        value={documentType}
        placeholder={t('common.choose')}
        onChange={setDocumentType}
        options={DOCUMENT_TYPES.map((d) => ({ value: d, label: documentLabel(t, d) }))}
      />
      <TextArea
        id="request-description"
        label={t('acts.request.description')}
        value={description}
        onChange={setDescription}
        error={errors['request-description']}
      />
      <TextArea
        id="request-message"
        label={t('acts.request.message')}
        optional
        value={message}
        onChange={setMessage}
      />
    </Act>
  );
}

function DecisionAct({
  dossier,
  kind,
  onDone,
}: {
  dossier: Dossier;
  kind: 'work' | 'residence' | 'professional_card';
  onDone: (title: string) => void;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('granted');
  const [grounds, setGrounds] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const p = `decision-${kind}`;
  return (
    <Act
      id={`act-decision-${kind}`}
      title={t('acts.decision.title', { kind: t(`decision.kind.${kind}` as const) })}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        outcome === 'refused' && !grounds.trim()
          ? { errors: { [`${p}-grounds`]: t('acts.grounds.required') } }
          : {
              path: `/dossiers/${dossier.id}/decisions`,
              body: {
                kind,
                outcome,
                ...(grounds.trim() && { grounds: grounds.trim() }),
                ...(outcome === 'granted' && validFrom && { validFrom }),
                ...(outcome === 'granted' && validUntil && { validUntil }),
              },
            }
      }
    >
      <RadioGroup
        id={`${p}-outcome`}
        label={t('acts.decision.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={[
          { value: 'granted', label: t('decision.outcome.granted') },
          { value: 'refused', label: t('decision.outcome.refused') },
        ]}
      />
      <TextArea
        id={`${p}-grounds`}
        label={t('acts.grounds')}
        optional={outcome !== 'refused'}
        value={grounds}
        onChange={setGrounds}
        error={errors[`${p}-grounds`]}
      />
      {outcome === 'granted' && (
        <>
          <TextField
            id={`${p}-from`}
            type="date"
            label={t('acts.decision.validFrom')}
            optional
            value={validFrom}
            onChange={setValidFrom}
            width="short"
          />
          <TextField
            id={`${p}-until`}
            type="date"
            label={t('acts.decision.validUntil')}
            optional
            value={validUntil}
            onChange={setValidUntil}
            width="short"
          />
        </>
      )}
    </Act>
  );
}

const LATER_ACTS = {
  withdraw_work: { kind: 'withdrawal', of: 'work' },
  withdraw_residence: { kind: 'withdrawal', of: 'residence' },
  withdraw_professional_card: { kind: 'withdrawal', of: 'professional_card' },
  end_residence: { kind: 'end', of: 'residence' },
} as const;
type LaterAct = keyof typeof LATER_ACTS;
const isLaterAct = (a: string): a is LaterAct => a in LATER_ACTS;

/** A withdrawal or end after a positive decision: which one is offered follows the transition table. */
function LaterDecisionAct({
  dossier,
  available,
  onDone,
}: {
  dossier: Dossier;
  available: LaterAct[];
  onDone: (title: string) => void;
}) {
  const { t } = useI18n();
  const [which, setWhich] = useState<string>(available[0] ?? 'withdraw_work');
  const [grounds, setGrounds] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-later"
      title={t('acts.later.title')}
      lead={t('acts.later.lead')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        !grounds.trim() || !isLaterAct(which)
          ? { errors: { 'later-grounds': t('acts.later.grounds.required') } }
          : {
              path: `/dossiers/${dossier.id}/decisions`,
              body: { ...LATER_ACTS[which], grounds: grounds.trim() },
            }
      }
    >
      <RadioGroup
        id="later-which"
        label={t('acts.later.what')}
        value={which}
        onChange={setWhich}
        options={available.map((a) => ({ value: a, label: t(`acts.later.${a}` as const) }))}
      />
      <TextArea
        id="later-grounds"
        label={t('acts.grounds')}
        value={grounds}
        onChange={setGrounds}
        error={errors['later-grounds']}
      />
    </Act>
  );
}

function ExtensionAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-extension"
      title={t('acts.extension.title')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        reason.trim()
          ? { path: `/dossiers/${dossier.id}/extension`, body: { reason: reason.trim() } }
          : { errors: { 'extension-reason': t('acts.extension.reason.required') } }
      }
    >
      <TextArea
        id="extension-reason"
        label={t('acts.extension.reason')}
        value={reason}
        onChange={setReason}
        error={errors['extension-reason']}
      />
    </Act>
  );
}

function ChecksAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-checks"
      title={t('acts.checks.title')}
      lead={t('acts.checks.lead')}
      submitLabel={t('acts.checks.run')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() => ({ path: `/dossiers/${dossier.id}/checks`, body: {} })}
    />
  );
}

function IssuedAct({ dossier, onDone }: { dossier: Dossier; onDone: (title: string) => void }) {
  const { t } = useI18n();
  const [issuedOn, setIssuedOn] = useState(today);
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Act
      id="act-issued"
      title={t('acts.issued.title')}
      onDone={onDone}
      fieldErrors={errors}
      setFieldErrors={setErrors}
      prepare={() =>
        /^\d{4}-\d{2}-\d{2}$/.test(issuedOn)
          ? {
              path: `/dossiers/${dossier.id}/issued`,
              body: { issuedOn, ...(number.trim() && { documentNumber: number.trim() }) },
            }
          : { errors: { 'issued-on': t('acts.issued.on.required') } }
      }
    >
      <TextField
        id="issued-on"
        type="date"
        label={t('acts.issued.on')}
        value={issuedOn}
        onChange={setIssuedOn}
        error={errors['issued-on']}
        width="short"
      />
      <TextField
        id="issued-number"
        label={t('acts.issued.number')}
        optional
        value={number}
        onChange={setNumber}
        width="medium"
      />
    </Act>
  );
}

/**
 * The acts an authority, post or municipality may perform now, as the server's `allowedActions`
 * says: nothing is offered that the transition table would refuse.
 */
export function ActsPanel({
  dossier,
  kind,
  onChanged,
}: {
  dossier: Dossier;
  kind: string | undefined;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState<string | undefined>(undefined);
  const allowed = new Set(dossier.allowedActions);
  const onDone = (title: string) => {
    setDone(t('acts.done', { act: title }));
    void onChanged();
  };
  const acts: ReactNode[] = [];
  // Keyed by state too, so a form starts empty after the dossier moved on.
  const k = (name: string) => `${name}-${dossier.state}`;
  if (allowed.has('declare_admissible') || allowed.has('declare_inadmissible'))
    acts.push(<AdmissibilityAct key={k('adm')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('decide_work'))
    acts.push(<DecisionAct key={k('work')} dossier={dossier} kind="work" onDone={onDone} />);
  if (allowed.has('decide_professional_card'))
    acts.push(<DecisionAct key={k('card')} dossier={dossier} kind="professional_card" onDone={onDone} />);
  if (allowed.has('decide_residence'))
    acts.push(<DecisionAct key={k('res')} dossier={dossier} kind="residence" onDone={onDone} />);
  if (allowed.has('request_documents'))
    acts.push(<RequestAct key={k('req')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('extend_deadline'))
    acts.push(<ExtensionAct key={k('ext')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('run_checks')) acts.push(<ChecksAct key={k('checks')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('record_issued'))
    acts.push(<IssuedAct key={k('issued')} dossier={dossier} onDone={onDone} />);
  const later = dossier.allowedActions.filter(isLaterAct);
  if (later.length > 0)
    acts.push(
      <LaterDecisionAct
        key={k(`later-${later.join()}`)}
        dossier={dossier}
        available={later}
        onDone={onDone}
      />,
    );

  const sources = dossier.sources;
  if (acts.length === 0 && !done && !sources && !AUTHORITY_KINDS.has(kind ?? '')) return null;
  return (
    <section aria-labelledby="acts-title" className="panel acts">
      <h2 id="acts-title" tabIndex={-1}>
        {t('acts.title')}
      </h2>
      {AUTHORITY_KINDS.has(kind ?? '') && <AssignmentBar dossierId={dossier.id} />}
      {done && <Notice kind="success">{done}</Notice>}
      {acts.length === 0 ? <p>{t('acts.none')}</p> : <p className="hint">{t('acts.lead')}</p>}
      {acts}
      {sources && (allowed.has('run_checks') || sources.length > 0) && <SourcesView sources={sources} />}
    </section>
  );
}
