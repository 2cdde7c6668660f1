import { TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';

/** Why a consulting authority reads: asked before a search, logged with every dossier opened from it. */
export function PurposeField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  return <TextField {...props} label={t('search.purpose')} hint={t('search.purpose.hint')} />;
}
