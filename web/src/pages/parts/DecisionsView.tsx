import { useI18n, type I18n } from '../../i18n/context';
import { relationLabel } from '../../lib/format';
import type { DecisionView, Dossier, LetterLink } from '../../lib/types';

function decisionTitle(t: I18n['t'], d: Exclude<DecisionView, { fact: 'negative_decision' }>): string {
  if (d.kind === 'withdrawal' || d.kind === 'end') {
    return t(`decision.kind.${d.kind}` as const, { of: t(`decision.kind.${d.of ?? 'work'}` as const) });
  }
  return `${t(`decision.kind.${d.kind}` as const)}: ${t(`decision.outcome.${d.outcome}` as const)}`;
}

/** The decision's letters as stored with the dossier: the authentic language first, then courtesy copies. */
function LetterLinks({
  dossierId,
  decisionId,
  letters,
  notice,
}: {
  dossierId: string;
  decisionId: string;
  letters: LetterLink[];
  notice: boolean;
}) {
  const { t } = useI18n();
  if (letters.length === 0) return null;
  return (
    <ul className="letters">
      {[...letters]
        .sort((a, b) => Number(a.courtesy) - Number(b.courtesy))
        .map((l) => (
          <li key={l.language}>
            <a
              href={`/api/v1/dossiers/${dossierId}/decisions/${decisionId}/letter?language=${l.language}`}
              download
              hrefLang={l.language}
              className="letter-link"
            >
              {t(notice ? 'decision.notice' : 'decision.letter', {
                language: t(`letterLanguage.${l.language}` as const),
              })}
            </a>
            {l.courtesy && <span className="muted"> ({t('decision.letter.courtesy')})</span>}
          </li>
        ))}
    </ul>
  );
}

/** The decisions as the caller may see them: whole, or the bare fact of a negative one, with their letters. */
export function DecisionsView({ dossier }: { dossier: Dossier }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('decision.title')}</h2>
      <ul className="decisions">
        {dossier.decisions.map((d) =>
          'fact' in d ? (
            <li key={d.id} className="decision decision-negative">
              <p>{t('decision.negativeFact', { date: formatDate(d.decidedAt) })}</p>
              <LetterLinks dossierId={dossier.id} decisionId={d.id} letters={d.letters} notice />
            </li>
          ) : (
            <li key={d.id} className={`decision ${d.negative ? 'decision-negative' : 'decision-positive'}`}>
              <h3>{decisionTitle(t, d)}</h3>
              <p>
                {t('decision.by', {
                  authority: relationLabel(t, d.authority),
                  date: formatDate(d.decidedAt),
                })}
              </p>
              {d.validFrom && d.validUntil && (
                <p>
                  {t('decision.valid', {
                    from: formatDate(d.validFrom),
                    until: formatDate(d.validUntil),
                  })}
                </p>
              )}
              {d.grounds && (
                <>
                  <h4>{t('decision.grounds')}</h4>
                  <p className="grounds">{d.grounds}</p>
                </>
              )}
              <p className="hint">{t('decision.legal', { basis: d.legalBasis })}</p>
              <LetterLinks dossierId={dossier.id} decisionId={d.id} letters={d.letters} notice={false} />
            </li>
          ),
        )}
      </ul>
      <p>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t('dossier.print')}
        </button>
      </p>
    </section>
  );
}
