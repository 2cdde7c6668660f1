import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary';
import { SubmitActions } from '../../../components/fields';
import { Summary, type Fact } from '../../../components/Summary';
import { useI18n } from '../../../i18n/context';
import { ApiError, api } from '../../../lib/api';
import { useSubmit, type FieldErrors } from '../../../lib/useForm';

/**
 * What an act's form hands over: its field errors, or the call to make once confirmed, with what
 * the confirmation restates of it (the outcome, the validity, the grounds).
 */
export type Prepared = { errors: Record<string, string> } | Call;
interface Call {
  path: string;
  body: unknown;
  restate?: Fact[];
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The catalogued problem title, and each field's message, as the server said them in the caller's language. */
function problemItems(e: unknown, fallback: string): SummaryItem[] {
  if (!(e instanceof ApiError)) return [{ text: fallback }];
  return [{ text: e.title || fallback }, ...e.errors.map((f) => ({ text: f.message }))];
}

/**
 * One act: its fields, then a confirmation step, then the call. The errors of the form are listed
 * at the top of the act and beside each field; a refusal shows the server's catalogued text.
 */
export function Act({
  id,
  title,
  lead,
  submitLabel,
  prepare,
  onDone,
  form,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  submitLabel?: string;
  prepare: () => Prepared;
  onDone: (title: string) => void;
  /** The act's field messages, by input id. */
  form: FieldErrors;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Call | undefined>(undefined);
  const [problem, setProblem] = useState<SummaryItem[]>([]);
  const { busy, run } = useSubmit();
  const confirmRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setProblem([]);
    const prepared = prepare();
    if ('errors' in prepared) {
      form.setErrors(prepared.errors);
      if (Object.keys(prepared.errors).length) return;
    } else {
      form.setErrors({});
      setPending(prepared);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    await run(
      async () => {
        await api('POST', pending.path, pending.body);
        setPending(undefined);
        onDone(title);
      },
      (error) => {
        setPending(undefined);
        setProblem(problemItems(error, t('error.generic')));
      },
    );
  };

  const formErrors = Object.entries(form.errors).map(([target, text]) => ({ target, text }));
  return (
    <section aria-labelledby={`${id}-title`} className="act" id={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {lead && <p className="hint">{lead}</p>}
      <ErrorSummary items={[...formErrors, ...problem]} />
      {pending ? (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm-title`}>
          <h4 id={`${id}-confirm-title`} tabIndex={-1} ref={confirmRef}>
            {t('acts.confirm.title', { act: title })}
          </h4>
          {pending.restate && <Summary className="restate" facts={pending.restate} />}
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
          <SubmitActions label={submitLabel ?? t('acts.record')} />
        </form>
      )}
    </section>
  );
}
