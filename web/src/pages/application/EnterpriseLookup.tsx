import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { parseEnterpriseNumber } from '../../../../src/contract/identifiers';
import { TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { ApiError, api } from '../../lib/api';
import { messageOf } from '../../lib/sections';

export interface Lookup {
  /** `error`: the number is not the applicant employer's; shown as the field's own error. */
  kind: 'success' | 'warning' | 'error';
  text: string;
}

interface Enterprise {
  name: string;
  seat: { street: string; number: string; postcode: string; municipality: string };
}

const FILLED = {
  'employer.name': (e: Enterprise) => e.name,
  'employer.seatAddress.street': (e: Enterprise) => e.seat.street,
  'employer.seatAddress.number': (e: Enterprise) => e.seat.number,
  'employer.seatAddress.postcode': (e: Enterprise) => e.seat.postcode,
  'employer.seatAddress.municipality': (e: Enterprise) => e.seat.municipality,
} as const;

/**
 * Once-only (Art. 20 §2 3°): the applicant employer's enterprise number fills the employer's name
 * and seat from the Crossroads Bank for Enterprises. Only empty fields are filled — what the
 * employer typed is never replaced behind its back. A number that is not the applicant's own (`own`, its registration) is not looked up
 * at all: it is refused next to the field, as the server refuses it. A number already saved
 * (`saved`) is not looked up again, so a reopened draft keeps what the employer corrected.
 */
export function useEnterpriseLookup(
  input: string | undefined,
  context: {
    own: string | null;
    saved: string | undefined;
    fill: (update: (values: Record<string, string>) => Record<string, string>) => void;
  },
): Lookup | undefined {
  const { t, lang } = useI18n();
  const { own, saved, fill } = context;
  const lookedUp = useRef<string | undefined>(saved);
  const [lookup, setLookup] = useState<Lookup | undefined>(undefined);
  useEffect(() => {
    const number = parseEnterpriseNumber(input ?? '');
    if (!number) {
      setLookup(undefined);
      return;
    }
    if (own && number !== own) {
      lookedUp.current = undefined;
      setLookup({ kind: 'error', text: messageOf('enterprise_number_not_applicant', lang) ?? '' });
      return;
    }
    if (number === lookedUp.current) return;
    lookedUp.current = number;
    let live = true;
    api<Enterprise>('GET', `/enterprises/${number}`)
      .then((e) => {
        if (!live) return;
        fill((prev) => {
          const next = { ...prev };
          for (const [path, of] of Object.entries(FILLED)) {
            if (!(prev[path] ?? '').trim()) next[path] = of(e);
          }
          return next;
        });
        setLookup({ kind: 'success', text: t('employer.lookupDone') });
      })
      .catch((err: unknown) => {
        if (!live) return;
        setLookup({
          kind: 'warning',
          text:
            err instanceof ApiError && err.status === 404
              ? t('employer.lookupNotFound')
              : err instanceof ApiError
                ? err.title
                : t('error.generic'),
        });
      });
    return () => {
      live = false;
    };
  }, [input, own, fill, t, lang]);
  return lookup;
}

/** The enterprise number, with what its lookup found said politely as it arrives. */
export function EnterpriseNumberField({
  lookup,
  ...field
}: ComponentProps<typeof TextField> & { lookup: Lookup | undefined }) {
  const { t } = useI18n();
  const refused = lookup?.kind === 'error' ? lookup.text : undefined;
  return (
    <div>
      <TextField {...field} error={field.error ?? refused} />
      <p className="hint">{t('employer.lookupHint')}</p>
      <div aria-live="polite" className="lookup">
        {lookup && lookup.kind !== 'error' && <p className={`notice notice-${lookup.kind}`}>{lookup.text}</p>}
      </div>
    </div>
  );
}
