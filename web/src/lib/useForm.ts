import { useCallback, useState } from 'react';
import type { SummaryItem } from '../components/ErrorSummary';
import { useI18n } from '../i18n/context';
import { problemText } from './api';

/** A call made from a form or a button: busy while it runs, so it is not sent twice; a failure goes to `fail`. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<void>, fail: (e: unknown) => void) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}

/** The messages beside a form's fields, by input id. */
export interface FieldErrors {
  errors: Record<string, string>;
  setErrors: (errors: Record<string, string>) => void;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A form's typed values by name and its messages: beside each field by input id (`prefix-name`,
 * the name in kebab case), and a refusal that belongs to no field. `field(name)` binds an input to
 * its value and message; `summary` is what the ErrorSummary at the top lists, fields first.
 */
export function useForm<V extends Record<string, string>>(prefix: string, initial: V) {
  const { t } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const { busy, run } = useSubmit();
  const set = useCallback((patch: Partial<V>) => {
    setValues((prev) => ({ ...prev, ...patch }));
  }, []);
  const idOf = (name: keyof V & string) => (prefix ? `${prefix}-${kebab(name)}` : kebab(name));
  return {
    values,
    set,
    /** Back to the values the form started with. */
    reset: () => {
      setValues(initial);
    },
    errors,
    setErrors,
    problem,
    setProblem,
    busy,
    idOf,
    field: (name: keyof V & string) => ({
      id: idOf(name),
      value: values[name],
      onChange: (value: string) => {
        set({ [name]: value } as Partial<V>);
      },
      error: errors[idOf(name)],
    }),
    /** Shows the messages found before anything is sent; true when there are none. */
    check: (found: Record<string, string>): boolean => {
      setErrors(found);
      setProblem(undefined);
      return Object.keys(found).length === 0;
    },
    /** Sends while busy; a refusal is shown as the form's problem unless `fail` says otherwise. */
    submit: (work: () => Promise<void>, fail?: (e: unknown) => void) =>
      run(
        work,
        fail ??
          ((e) => {
            setProblem(problemText(e, t('error.generic')));
          }),
      ),
    summary: [
      ...Object.entries(errors).map(([target, text]): SummaryItem => ({ target, text })),
      ...(problem ? [{ text: problem }] : []),
    ],
  };
}

export type Form<V extends Record<string, string>> = ReturnType<typeof useForm<V>>;
