import { useEffect, useState, type ChangeEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { formatDateInput, parseDateInput } from '../lib/dates';

interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
}

function described(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function LabelText({ label, optional }: { label: string; optional?: boolean | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {label}
      {optional && <span className="optional"> {t('common.optional')}</span>}
    </>
  );
}

function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('errors.prefix')} </span>
          {error}
        </p>
      )}
    </>
  );
}

/** What an input, a text area and a select share: the id, the typed value and its messages. */
interface Control extends Common {
  value: string;
  onChange: (value: string) => void;
}

/** A labelled field: the label, then its hint and error (which the control names), then the control. */
function Field({ id, label, hint, error, optional, children }: Common & { children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** The attributes every control carries: named by its id, described by its hint and error. */
function controlProps({ id, hint, error, value, onChange }: Control) {
  return {
    id,
    name: id,
    value,
    'aria-describedby': described(id, hint, error),
    'aria-invalid': error ? true : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      onChange(e.target.value);
    },
  };
}

export function TextField({
  type = 'text',
  autoComplete,
  inputMode,
  width,
  ...control
}: Control & {
  type?: 'text' | 'email' | 'tel' | 'password' | 'number';
  autoComplete?: string | undefined;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | undefined;
  width?: 'short' | 'medium' | undefined;
}) {
  return (
    <Field {...control}>
      <input
        {...controlProps(control)}
        type={type}
        className={width ? `width-${width}` : undefined}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
      />
    </Field>
  );
}

/**
 * A calendar day typed as the page's language writes it (day, month, year), never the browser's
 * own date picker, whose order and words follow the browser and not the page. The value handed
 * on is the ISO day once the text names one, else the text as typed, so the form can refuse it.
 */
export function DateField({
  value,
  onChange,
  hint,
  autoComplete,
  ...common
}: Control & { autoComplete?: string | undefined }) {
  const { t, lang, formatDate } = useI18n();
  const [text, setText] = useState(() => formatDateInput(value, lang));
  // A value set from outside (a reset, a draft read again) replaces what is typed.
  useEffect(() => {
    setText((typed) => ((parseDateInput(typed) ?? typed) === value ? typed : formatDateInput(value, lang)));
  }, [value, lang]);
  const iso = parseDateInput(text);
  const format = t('date.format');
  const fullHint = hint ? `${hint} ${format}` : format;
  return (
    <Field {...common} hint={fullHint}>
      <input
        {...controlProps({ ...common, hint: fullHint, value: text, onChange: () => undefined })}
        type="text"
        inputMode="numeric"
        className="width-date"
        autoComplete={autoComplete ?? 'off'}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseDateInput(e.target.value) ?? e.target.value.trim());
        }}
        onBlur={() => {
          if (iso) setText(formatDateInput(iso, lang));
        }}
      />
      <p className="hint date-echo" aria-live="polite">
        {iso && text.trim() ? formatDate(iso) : ''}
      </p>
    </Field>
  );
}

/** A one-time code, as sent by e-mail or an authenticator app. */
export function CodeField(control: Control) {
  return <TextField {...control} inputMode="numeric" autoComplete="one-time-code" width="short" />;
}

export function TextArea(control: Control) {
  return (
    <Field {...control}>
      <textarea {...controlProps(control)} rows={4} />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  options,
  placeholder,
  ...control
}: Control & { options: readonly Option[]; placeholder?: string }) {
  const { t } = useI18n();
  return (
    <Field {...control}>
      <select {...controlProps(control)}>
        <option value="">{placeholder ?? t('common.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A radio group is a fieldset whose legend is the question (WCAG 1.3.1); the first radio carries the id. */
export function RadioGroup({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  options,
}: Control & { options: readonly Option[] }) {
  return (
    <fieldset
      className={`field radios${error ? ' field-invalid' : ''}`}
      aria-describedby={described(id, hint, error)}
    >
      <legend>
        <LabelText label={label} optional={optional} />
      </legend>
      <HintAndError id={id} hint={hint} error={error} />
      {options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div className="radio" key={o.value}>
            <input
              type="radio"
              id={optionId}
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => {
                onChange(o.value);
              }}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A form's one button, held while the form is sending. */
export function SubmitActions({
  label,
  busy,
  secondary = false,
}: {
  label: string;
  busy?: boolean;
  secondary?: boolean;
}) {
  return (
    <p className="actions">
      <button type="submit" className={secondary ? 'button secondary' : 'button'} disabled={busy}>
        {label}
      </button>
    </p>
  );
}
