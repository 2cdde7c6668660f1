import { useI18n, type I18n } from '../../i18n/context';
import type { DecisionView, Dossier } from '../../lib/types';
import type { MessageKey } from '../../i18n';

/**
 * Days to lodge the appeal from the notification: 30 for the regions' minister and for the Council
 * for Alien Law Litigation (Aliens Act Art. 39/57). Counted from the notification, whose date is
 * shown; the last day is not computed here, as holidays can move it.
 */
const APPEAL_DAYS = 30;
/** Then 60 days before the Council of State against the minister's decision (Regent's decree of 23 August 1948, Art. 4). */
const COUNCIL_OF_STATE_DAYS = 60;

type Whole = Extract<DecisionView, { kind: string }>;

function decisionTitle(t: I18n['t'], d: Whole): string {
  if (d.kind === 'withdrawal' || d.kind === 'end')
    return t(`decision.kind.${d.kind}` as const, { of: t(`decision.kind.${d.of ?? 'work'}` as const) });
  return `${t(`decision.kind.${d.kind}` as const)}: ${t(`decision.outcome.${d.outcome}` as const)}`;
}

const MINISTER: Record<string, MessageKey> = {
  flanders: 'appeal.minister.flanders',
  wallonia: 'appeal.minister.wallonia',
  brussels: 'appeal.minister.brussels',
  ostbelgien: 'appeal.minister.ostbelgien',
};

/**
 * How to contest a negative decision, on the page and not only in the letter (the same route as
 * the letters' appeal table, src/letters/letter-texts.ts): which body, within how many days, how.
 * Only decisions the reader sees whole: the fact of another authority's refusal carries no route.
 */
export function AppealRoute({ dossier }: { dossier: Dossier }) {
  const { t, formatDate } = useI18n();
  const negative = dossier.decisions.filter(
    (d): d is Whole =>
      'kind' in d && d.negative && (d.authority === 'dvz' || d.authority === 'competent_region'),
  );
  if (negative.length === 0) return null;
  return (
    <section aria-labelledby="appeal-title" className="panel appeal-route">
      <h2 id="appeal-title">{t('appeal.title')}</h2>
      {negative.map((d) => {
        const byDvz = d.authority === 'dvz';
        const minister = dossier.region ? MINISTER[dossier.region] : undefined;
        const body = byDvz ? t('appeal.body.dvz') : minister ? t(minister) : t('appeal.minister.unknown');
        return (
          <div key={d.id} className="appeal">
            <p>
              {t('appeal.lead', {
                what: decisionTitle(t, d),
                date: formatDate(d.decidedAt),
              })}
            </p>
            <dl className="summary">
              <div>
                <dt>{t('appeal.where')}</dt>
                <dd>{body}</dd>
              </div>
              <div>
                <dt>{t('appeal.when')}</dt>
                <dd>
                  {d.notifiedAt
                    ? t('appeal.when.from', { days: APPEAL_DAYS, date: formatDate(d.notifiedAt) })
                    : t('appeal.when.days', { days: APPEAL_DAYS })}
                </dd>
              </div>
              <div>
                <dt>{t('appeal.how')}</dt>
                <dd>
                  {byDvz
                    ? t('appeal.how.dvz', { reference: dossier.reference })
                    : t('appeal.how.region', { reference: dossier.reference, days: COUNCIL_OF_STATE_DAYS })}
                </dd>
              </div>
            </dl>
          </div>
        );
      })}
      <p className="hint">{t('appeal.letter')}</p>
    </section>
  );
}
