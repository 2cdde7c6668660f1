import { useI18n } from '../../../i18n/context';
import { choiceOptions, labelOf, useOrganisations } from '../../application/choices';
import type { Display } from './rows';

/** A field's value in the page's language: countries and choices by name, dates and amounts written out. */
export function useDisplay(wants: { posts: boolean; municipalities: boolean; counters: boolean }): Display {
  const { t, lang, countryName, formatDate, formatMoney } = useI18n();
  const posts = useOrganisations('post', wants.posts);
  const municipalities = useOrganisations('municipality', wants.municipalities);
  const counters = useOrganisations('business_counter', wants.counters);
  return (spec, raw) => {
    switch (spec.kind) {
      case 'country':
        return countryName(raw);
      case 'date':
        return formatDate(raw);
      case 'sex':
      case 'abroad':
      case 'yesno':
      case 'ictRole':
        return labelOf(choiceOptions(t, spec.kind), raw);
      case 'post':
        return labelOf(posts, raw);
      case 'municipality':
        return labelOf(municipalities, raw);
      case 'counter':
        return labelOf(counters, raw);
      case 'money':
        return formatMoney(Math.round(Number(raw) * 100));
      case 'number':
        return Number.isFinite(Number(raw)) ? new Intl.NumberFormat(`${lang}-BE`).format(Number(raw)) : raw;
      case 'text':
      case 'email':
      case 'tel':
        return raw;
    }
  };
}
