import type { Procedure } from '../../../../src/contract/procedures';
import type { ShownState } from '../../../../src/contract/states';
import type { DeadlineClock } from '../../../../src/contract/views';
import { useI18n } from '../../i18n/context';
import { nextStepOf } from '../../lib/next-step';

const REGIONS = ['flanders', 'wallonia', 'brussels', 'ostbelgien'] as const;
type Region = (typeof REGIONS)[number];
const isRegion = (r: string | null): r is Region => (REGIONS as readonly (string | null)[]).includes(r);

/** What happens next and by when, for the person concerned and the applicant (R-PROC-5, R-PROC-7). */
export function NextStep({
  dossier,
  headingLevel = 2,
}: {
  dossier: {
    id: string;
    procedure: Procedure;
    state: ShownState;
    region: string | null;
    clock: Pick<DeadlineClock, 'status' | 'dueDate' | 'daysLeft'> | null;
  };
  headingLevel?: 2 | 3;
}) {
  const { t, formatDate } = useI18n();
  const step = nextStepOf(dossier);
  const region = isRegion(dossier.region) ? t(`region.${dossier.region}` as const) : t('next.theRegion');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = `next-step-${dossier.id}`;
  return (
    <section aria-labelledby={id} className="panel next-step">
      <Heading id={id}>{t('next.title')}</Heading>
      <p>{t(step.key, { region })}</p>
      {step.expected && (
        <p className="big">
          <strong>{t('next.expected', { date: formatDate(step.expected) })}</strong>
        </p>
      )}
      {step.suspended && <p>{t('next.suspended')}</p>}
    </section>
  );
}
