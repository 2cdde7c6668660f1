import { Link } from 'react-router';
import { useI18n } from '../../i18n/context';
import { stepPath, type Step } from './steps';

/** On to the next step, where a step saves nothing itself. */
export function ContinueLink({ dossierId, next }: { dossierId: string; next: Step | undefined }) {
  const { t } = useI18n();
  if (!next) return null;
  return (
    <p className="actions">
      <Link className="button" to={stepPath(dossierId, next)}>
        {t('common.continue')}
      </Link>
    </p>
  );
}
