import type { ShownState } from '../../../src/contract/states';
import { useI18n } from '../i18n/context';

/** A dossier's state as every list and page shows it: its name, coloured by state. */
export function StateTag({ state }: { state: ShownState }) {
  const { t } = useI18n();
  return <span className={`state state-${state}`}>{t(`state.${state}` as const)}</span>;
}
