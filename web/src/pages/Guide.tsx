import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { RadioGroup, SelectField, TextField } from '../components/fields';
import { Notice, Page } from '../components/Page';
import { Summary, procedureFacts } from '../components/Summary';
import { useI18n } from '../i18n/context';
import { ApiError, api, problemText } from '../lib/api';
import { NO_ANSWERS, asksKind, asksMobility, propose, type GuideAnswers } from '../lib/guide';
import { isApplicantKind, useSession } from '../lib/session';
import type { Checklist, Dossier, Mandate, RegionAnswer } from '../lib/types';
import { ChecklistView } from './parts/ChecklistView';

const ANSWERS_KEY = 'sw.guide.answers';

/** What the guide learnt that the form can reuse, kept in this tab only (never in a URL). */
export function guideNotesKey(dossierId: string): string {
  return `sw.guide.${dossierId}`;
}

export interface GuideNotes {
  posted: boolean;
  postcode: string;
  locality: string;
}

function restore(): GuideAnswers {
  try {
    const raw = sessionStorage.getItem(ANSWERS_KEY);
    return raw ? { ...NO_ANSWERS, ...(JSON.parse(raw) as Partial<GuideAnswers>) } : NO_ANSWERS;
  } catch {
    return NO_ANSWERS;
  }
}

export function Guide() {
  const { t, lang } = useI18n();
  const { session, platform } = useSession();
  const navigate = useNavigate();
  const [a, setA] = useState<GuideAnswers>(restore);
  const [region, setRegion] = useState<RegionAnswer | null>(null);
  const [regionError, setRegionError] = useState<string | undefined>(undefined);
  const [checklist, setChecklist] = useState<Checklist | undefined>(undefined);
  const [mandates, setMandates] = useState<Mandate[]>([]);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const kind = session?.organisation.kind;
  const proposal = propose(a);
  const cardEnabled = platform?.procedures.includes('professional_card') ?? false;

  const set = (patch: Partial<GuideAnswers>) => {
    const next = { ...a, ...patch };
    setA(next);
    try {
      sessionStorage.setItem(ANSWERS_KEY, JSON.stringify(next));
    } catch {
      // Storage refused: answers last as long as the page.
    }
  };

  useEffect(() => {
    if (kind === 'mandatary')
      api<{ items: Mandate[] }>('GET', '/mandates').then(
        (m) => {
          setMandates(m.items.filter((x) => !x.revokedAt && !x.dossierId));
        },
        () => undefined,
      );
  }, [kind]);

  // The region follows the postcode as it is typed; the answer is announced politely.
  useEffect(() => {
    const postcode = a.postcode.trim();
    if (!/^\d{4}$/.test(postcode)) {
      setRegion(null);
      setRegionError(undefined);
      return;
    }
    let live = true;
    api<RegionAnswer>('GET', `/rules/region?postcode=${postcode}`).then(
      (r) => {
        if (!live) return;
        setRegion(r);
        setRegionError(undefined);
      },
      (e: unknown) => {
        if (!live) return;
        setRegion(null);
        setRegionError(e instanceof ApiError ? (e.errors[0]?.message ?? e.title) : t('error.generic'));
      },
    );
    return () => {
      live = false;
    };
  }, [a.postcode, lang, t]);

  useEffect(() => {
    if (!proposal) {
      setChecklist(undefined);
      return;
    }
    const params = new URLSearchParams({ procedure: proposal.procedure, category: proposal.category });
    if (region) params.set('region', region.region);
    if (a.abroad) params.set('abroad', String(a.abroad === 'abroad'));
    if (a.posted) params.set('posted', String(a.posted === 'yes'));
    if (proposal.longTermMobility) params.set('longTermMobility', 'true');
    let live = true;
    api<Checklist>('GET', `/rules/checklist?${params.toString()}`).then(
      (c) => {
        if (live) setChecklist(c);
      },
      () => {
        if (live) setChecklist(undefined);
      },
    );
    return () => {
      live = false;
    };
  }, [proposal?.procedure, proposal?.category, proposal?.longTermMobility, region, a.abroad, a.posted]);

  const start = async () => {
    const missing: SummaryItem[] = [];
    if (!a.who) missing.push({ target: 'q-who', text: t('guide.missing.who') });
    if (a.who === 'employee' && !a.duration)
      missing.push({ target: 'q-duration', text: t('guide.missing.duration') });
    if (asksKind(a) && !a.kind) missing.push({ target: 'q-kind', text: t('guide.missing.kind') });
    if (a.who === 'employee' && !a.abroad)
      missing.push({ target: 'q-abroad', text: t('guide.missing.abroad') });
    if (!region) missing.push({ target: 'q-postcode', text: regionError ?? t('guide.missing.postcode') });
    if (kind === 'mandatary' && !a.employer)
      missing.push({ target: 'q-employer', text: t('guide.missing.employer') });
    setErrors(missing);
    if (missing.length || !proposal) return;
    setBusy(true);
    try {
      const created = await api<Dossier>('POST', '/dossiers', {
        procedure: proposal.procedure,
        category: proposal.category,
        ...(proposal.longTermMobility && { longTermMobility: true }),
        language: lang,
        ...(kind === 'mandatary' && { onBehalfOf: a.employer }),
        ...(a.abroad && { residence: { abroad: a.abroad === 'abroad' } }),
      });
      const notes: GuideNotes = {
        posted: a.posted === 'yes',
        postcode: region?.postcode ?? '',
        locality: region?.localities[0] ?? '',
      };
      sessionStorage.setItem(guideNotesKey(created.id), JSON.stringify(notes));
      sessionStorage.removeItem(ANSWERS_KEY);
      void navigate(`/dossiers/${created.id}/edit/identity`);
    } catch (e) {
      setErrors([{ text: problemText(e, t('error.generic')) }]);
    } finally {
      setBusy(false);
    }
  };

  const err = (id: string) => errors.find((e) => e.target === id)?.text;
  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];

  return (
    <Page title={t('guide.title')} lead={t('guide.intro')}>
      <ErrorSummary items={errors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <RadioGroup
          id="q-who"
          label={t('guide.q.who')}
          value={a.who}
          error={err('q-who')}
          onChange={(v) => {
            set({ who: v as GuideAnswers['who'] });
          }}
          options={[
            { value: 'employee', label: t('guide.who.employee') },
            { value: 'self', label: t('guide.who.self') },
          ]}
        />
        {a.who === 'employee' && (
          <RadioGroup
            id="q-duration"
            label={t('guide.q.duration')}
            value={a.duration}
            error={err('q-duration')}
            onChange={(v) => {
              set({ duration: v as GuideAnswers['duration'] });
            }}
            options={[
              { value: 'long', label: t('guide.duration.long') },
              { value: 'short', label: t('guide.duration.short') },
            ]}
          />
        )}
        {asksKind(a) && (
          <RadioGroup
            id="q-kind"
            label={t('guide.q.kind')}
            value={a.kind}
            error={err('q-kind')}
            onChange={(v) => {
              set({ kind: v as GuideAnswers['kind'] });
            }}
            options={(
              ['general', 'highly', 'seasonal', 'ict', 'researcher', 'trainee', 'volunteer', 'other'] as const
            ).map((k) => ({ value: k, label: t(`guide.kind.${k}` as const) }))}
          />
        )}
        {asksMobility(a) && (
          <RadioGroup
            id="q-mobility"
            label={t('guide.q.mobility')}
            hint={t('guide.q.mobility.hint')}
            value={a.mobility}
            onChange={(v) => {
              set({ mobility: v as GuideAnswers['mobility'] });
            }}
            options={yesNo}
          />
        )}
        {a.who === 'employee' && (
          <>
            <RadioGroup
              id="q-abroad"
              label={t('guide.q.abroad')}
              value={a.abroad}
              error={err('q-abroad')}
              onChange={(v) => {
                set({ abroad: v as GuideAnswers['abroad'] });
              }}
              options={[
                { value: 'abroad', label: t('guide.abroad.abroad') },
                { value: 'belgium', label: t('guide.abroad.belgium') },
              ]}
            />
            <RadioGroup
              id="q-posted"
              label={t('guide.q.posted')}
              hint={t('guide.q.posted.hint')}
              value={a.posted}
              onChange={(v) => {
                set({ posted: v as GuideAnswers['posted'] });
              }}
              options={yesNo}
            />
          </>
        )}
        {a.who !== '' && (
          <TextField
            id="q-postcode"
            label={a.who === 'self' ? t('guide.q.postcode.self') : t('guide.q.postcode')}
            hint={t('guide.q.postcode.hint')}
            value={a.postcode}
            width="short"
            inputMode="numeric"
            error={err('q-postcode') ?? regionError}
            onChange={(v) => {
              set({ postcode: v });
            }}
          />
        )}
        <div aria-live="polite" className="region-answer">
          {region && (
            <p className="panel">
              {t('guide.region', {
                postcode: region.postcode,
                locality: region.localities[0] ?? '',
                region: t(`region.${region.region}` as const),
                authority: region.authority.name,
              })}
            </p>
          )}
        </div>
        {kind === 'mandatary' && (
          <SelectField
            id="q-employer"
            label={t('guide.q.employer')}
            hint={t('guide.q.employer.hint')}
            value={a.employer}
            error={err('q-employer')}
            onChange={(v) => {
              set({ employer: v });
            }}
            options={mandates.map((m) => ({ value: m.employer.id, label: m.employer.name }))}
          />
        )}

        <section aria-labelledby="proposal-title" aria-live="polite" className="proposal">
          <h2 id="proposal-title">{t('guide.proposal.title')}</h2>
          {!proposal ? (
            <p>{t('guide.proposal.none')}</p>
          ) : (
            <>
              <Summary facts={procedureFacts(t, proposal)} />
              <h3>{t('guide.why')}</h3>
              <p>{t(`why.${proposal.why}` as const)}</p>
              {proposal.longTermMobility && <p>{t('why.mobility')}</p>}
              {checklist && <ChecklistView checklist={checklist} />}
            </>
          )}
        </section>

        {proposal?.procedure === 'professional_card' && !cardEnabled ? (
          <Notice kind="info">{t('guide.notInForce')}</Notice>
        ) : session === null ? (
          <p>
            <Link className="button" to="/signin" state={{ from: '/new' }}>
              {t('guide.signInFirst')}
            </Link>
          </p>
        ) : session && !isApplicantKind(kind) ? (
          <Notice kind="info">{t('guide.cannotFile')}</Notice>
        ) : (
          <p>
            <button type="submit" className="button" disabled={busy}>
              {t('guide.start')}
            </button>
          </p>
        )}
      </form>
    </Page>
  );
}
