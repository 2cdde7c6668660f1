import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, SelectField, SubmitActions, TextArea, TextField } from '../../components/fields';
import { Loading, Notice, Page } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import { api, problemText } from '../../lib/api';
import type { DossierSummary } from '../../lib/types';
import { RequestCard } from './RequestCard';
import { isKind, KINDS, type Kind, type RightsRequest } from './types';

/** Fields a person most often asks to have corrected, with the section they belong to. */
const CORRECTABLE = [
  ['identity', 'familyName'],
  ['identity', 'givenNames'],
  ['identity', 'birthPlace'],
  ['identity', 'civilStatus'],
  ['residence', 'email'],
  ['residence', 'phone'],
] as const;

/**
 * The person's rights (Art. 28-29, GDPR 15-21): ask, follow each request with its acknowledgement,
 * due date and answers, and download everything the platform holds on them.
 */
export function MyRights() {
  const { t } = useI18n();
  const [requests, setRequests] = useState<RightsRequest[] | undefined>(undefined);
  const [dossiers, setDossiers] = useState<DossierSummary[]>([]);
  const [kind, setKind] = useState<Kind>('access');
  const [dossier, setDossier] = useState('all');
  const [concerns, setConcerns] = useState('both');
  const [details, setDetails] = useState('');
  const [field, setField] = useState('identity.familyName');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api<{ items: RightsRequest[] }>('GET', '/rights-requests?status=all').then(
      (r) => {
        setRequests(r.items);
      },
      (e: unknown) => {
        setError(problemText(e, t('error.generic')));
      },
    );
  }, [t]);

  useEffect(() => {
    load();
    api<{ items: DossierSummary[] }>('GET', '/dossiers?limit=100').then(
      (r) => {
        setDossiers(r.items);
      },
      () => undefined,
    );
  }, [load]);

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone(undefined);
    const [section, name] = field.split('.');
    try {
      await api('POST', '/rights-requests', {
        kind,
        ...(dossier !== 'all' && { dossierIds: [dossier] }),
        concerns,
        details,
        ...(kind === 'rectification' &&
          value.trim() && { correction: { section, changes: { [name ?? '']: value.trim() } } }),
      });
      setDone(t('rights.filed'));
      setError(undefined);
      setDetails('');
      setValue('');
      load();
    } catch (err) {
      setError(problemText(err, t('error.generic')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('rights.title')} lead={t('rights.lead')}>
      {error && <ErrorSummary items={[{ text: error }]} />}
      {done && <Notice kind="success">{done}</Notice>}
      <section aria-labelledby="export-title" className="panel">
        <h2 id="export-title">{t('rights.export.title')}</h2>
        <p>{t('rights.export.lead')}</p>
        <p className="actions">
          <a className="button secondary" href="/api/v1/me/export?format=json" download="my-data.json">
            {t('rights.export.json')}
          </a>{' '}
          <a className="button secondary" href="/api/v1/me/export?format=pdf" download="my-data.pdf">
            {t('rights.export.pdf')}
          </a>
        </p>
      </section>
      <section aria-labelledby="ask-title">
        <h2 id="ask-title">{t('rights.ask.title')}</h2>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <SelectField
            id="rights-kind"
            label={t('rights.ask.kind')}
            value={kind}
            onChange={(v) => {
              if (isKind(v)) setKind(v);
            }}
            options={KINDS.map((k) => ({ value: k, label: t(`rights.kind.${k}`) }))}
          />
          <SelectField
            id="rights-dossier"
            label={t('rights.ask.dossier')}
            value={dossier}
            onChange={setDossier}
            options={[
              { value: 'all', label: t('rights.ask.allDossiers') },
              ...dossiers.map((d) => ({ value: d.id, label: d.reference })),
            ]}
          />
          <RadioGroup
            id="rights-concerns"
            label={t('rights.ask.concerns')}
            hint={t('rights.ask.concernsHint')}
            value={concerns}
            onChange={setConcerns}
            options={[
              { value: 'both', label: t('rights.part.both') },
              { value: 'work', label: t('rights.part.work') },
              { value: 'residence', label: t('rights.part.residence') },
            ]}
          />
          {kind === 'rectification' && (
            <>
              <SelectField
                id="rights-field"
                label={t('rights.ask.field')}
                value={field}
                onChange={setField}
                options={CORRECTABLE.map(([s, f]) => ({
                  value: `${s}.${f}`,
                  label: t(`rights.field.${f}`),
                }))}
              />
              <TextField id="rights-value" label={t('rights.ask.value')} value={value} onChange={setValue} />
            </>
          )}
          <TextArea
            id="rights-details"
            label={t('rights.ask.details')}
            optional
            value={details}
            onChange={setDetails}
          />
          <SubmitActions label={t('rights.ask.submit')} busy={busy} />
        </form>
      </section>
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('rights.mine.title')}</h2>
        {requests === undefined && !error && <Loading />}
        {requests?.length === 0 && <p>{t('rights.mine.empty')}</p>}
        {requests?.map((r) => (
          <RequestCard key={r.id} request={r}>
            {(r.kind === 'access' || r.kind === 'portability') &&
              r.parts.some((p) => p.answer?.outcome === 'granted') && (
                <p className="actions">
                  <a href="/api/v1/me/export?format=json" download="my-data.json">
                    {t('rights.export.json')}
                  </a>
                </p>
              )}
          </RequestCard>
        ))}
      </section>
    </Page>
  );
}
