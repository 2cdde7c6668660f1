import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { parseEnterpriseNumber } from '../../../../src/contract/identifiers';
import { TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { ApiError, api } from '../../lib/api';

export interface Lookup {
  kind: 'success' | 'warning';
  text: string;
}

interface Enterprise {
  name: string;
  seat: { street: string; number: string; postcode: string; municipality: string };
}

/**
 * Once-only (Art. 20 §2 3°): a valid enterprise number fills the employer's name and seat from
 * the Crossroads Bank for Enterprises. A number already saved is not looked up again, so a
 * reopened draft keeps what the employer corrected. `input` is the number as typed (undefined
 * where the step asks none); what is found goes into the form's values through `fill`.
 */
export function useEnterpriseLookup(
  input: string | undefined,
  fill: (update: (values: Record<string, string>) => Record<string, string>) => void,
): Lookup | undefined {
  const { t } = useI18n();
  const lookedUp = useRef<string | undefined>(parseEnterpriseNumber(input ?? ''));
  const [lookup, setLookup] = useState<Lookup | undefined>(undefined);
  useEffect(() => {
    const number = parseEnterpriseNumber(input ?? '');
    if (!number || number === lookedUp.current) return;
    lookedUp.current = number;
    let live = true;
    api<Enterprise>('GET', `/enterprises/${number}`)
      .then((e) => {
        if (!live) return;
        fill((prev) => ({
          ...prev,
          'employer.name': e.name,
          'employer.seatAddress.street': e.seat.street,
          'employer.seatAddress.number': e.seat.number,
          'employer.seatAddress.postcode': e.seat.postcode,
          'employer.seatAddress.municipality': e.seat.municipality,
        }));
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
  }, [input, fill, t]);
  return lookup;
}

/** The enterprise number, with what its lookup found said politely as it arrives. */
export function EnterpriseNumberField({
  lookup,
  ...field
}: ComponentProps<typeof TextField> & { lookup: Lookup | undefined }) {
  const { t } = useI18n();
  return (
    <div>
      <TextField {...field} />
      <p className="hint">{t('employer.lookupHint')}</p>
      <div aria-live="polite" className="lookup">
        {lookup && <p className={`notice notice-${lookup.kind}`}>{lookup.text}</p>}
      </div>
    </div>
  );
}
