import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';

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

export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  type = 'text',
  autoComplete,
  inputMode,
  width,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'date' | 'password' | 'number';
  autoComplete?: string | undefined;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | undefined;
  width?: 'short' | 'medium' | undefined;
}) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        className={width ? `width-${width}` : undefined}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        aria-describedby={described(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </div>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
}: Common & { value: string; onChange: (value: string) => void }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        rows={4}
        value={value}
        aria-describedby={described(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  options,
  placeholder,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  placeholder?: string;
}) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        value={value}
        aria-describedby={described(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        <option value="">{placeholder ?? t('common.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
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
}: Common & { value: string; onChange: (value: string) => void; options: readonly Option[] }) {
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
