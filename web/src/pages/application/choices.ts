import { useEffect, useMemo, useState } from 'react';
import type { Option } from '../../components/fields';
import { useI18n, type I18n } from '../../i18n/context';
import { api } from '../../lib/api';
import { COUNTRY_CODES } from '../../lib/sections';
import type { Organisation } from '../../lib/types';

/* The choices the form offers, the same ones the review names the answers by. */

/** The fixed choices of a field of that kind. */
export function choiceOptions(t: I18n['t'], kind: 'sex' | 'abroad' | 'yesno' | 'ictRole'): Option[] {
  switch (kind) {
    case 'sex':
      return (['F', 'M', 'X'] as const).map((s) => ({ value: s, label: t(`sex.${s}` as const) }));
    case 'abroad':
      return [
        { value: 'true', label: t('guide.abroad.abroad') },
        { value: 'false', label: t('guide.abroad.belgium') },
      ];
    case 'yesno':
      return [
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ];
    case 'ictRole':
      return (['manager', 'specialist', 'trainee'] as const).map((r) => ({
        value: r,
        label: t(`ictRole.${r}` as const),
      }));
  }
}

/** The label of the option chosen, or the value itself when no option has it. */
export const labelOf = (options: readonly Option[], value: string): string =>
  options.find((o) => o.value === value)?.label ?? value;

/** The posts or municipalities to choose from, read only when the form asks for one. */
export function useOrganisations(
  kind: 'post' | 'municipality' | 'business_counter',
  wanted: boolean,
): Option[] {
  const [items, setItems] = useState<Option[]>([]);
  useEffect(() => {
    if (!wanted) return;
    api<{ items: Organisation[] }>('GET', `/organisations?kind=${kind}`).then(
      (r) => {
        setItems(r.items.map((o) => ({ value: o.id, label: o.name })));
      },
      () => undefined,
    );
  }, [kind, wanted]);
  return items;
}

/** Every country by its name in the language shown, in that language's order. */
export function useCountryOptions(): Option[] {
  const { countryName, lang } = useI18n();
  return useMemo(
    () =>
      COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) =>
        a.label.localeCompare(b.label, lang),
      ),
    [countryName, lang],
  );
}
