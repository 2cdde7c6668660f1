import type { ReactNode } from 'react';
import type { Procedure } from '../../../src/contract/procedures';
import { REGIONS, type Region } from '../../../src/contract/regions';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n/context';

/**
 * The GDPR Art. 13/14 information and the rights of Art. 15-21, written once (Art. 28 of the
 * cooperation agreement): the privacy page shows it for every procedure, the review step of the
 * form shows it for the application about to be filed, just before the file button.
 */

/** The controllers of Art. 9: the four regional authorities (§4-7) and the Immigration Office (§2-3). */
export const CONTROLLERS = [...REGIONS, 'dvz'] as const;
export type Controller = (typeof CONTROLLERS)[number];

/**
 * Each controller's data protection officer. PLACEHOLDERS: fictitious functional mailboxes on the
 * reserved `.example` domain, to be set per installation to each authority's real DPO mailbox
 * (a functional address of the organisation, never a person's own address).
 */
export const DPO_CONTACTS: Record<Controller, string> = {
  flanders: 'dpo@flanders.example',
  wallonia: 'dpo@wallonia.example',
  brussels: 'dpo@brussels.example',
  ostbelgien: 'dpo@ostbelgien.example',
  dvz: 'dpo@dvz.example',
};

const isRegion = (value: string | null | undefined): value is Region =>
  typeof value === 'string' && (REGIONS as readonly string[]).includes(value);

/**
 * Who is controller (Art. 9, Art. 29 §2-3): the region of the workplace for work and the
 * professional card, and the Immigration Office too for the single permit. Without a procedure
 * (the privacy page) all of them; without a known region, every region (the workplace decides).
 */
export function controllersOf(procedure?: Procedure, region?: string | null): Controller[] {
  if (!procedure) return [...CONTROLLERS];
  const regions: Controller[] = isRegion(region) ? [region] : [...REGIONS];
  return procedure === 'single_permit' ? [...regions, 'dvz'] : regions;
}

const ALL: readonly Procedure[] = ['single_permit', 'work_permit', 'professional_card'];

/** Purposes of Art. 10, in its order. */
const PURPOSES = [
  'europe',
  'register',
  'exchange',
  'decide',
  'inform',
  'follow',
  'control',
  'offences',
  'employment',
] as const;

/** Sources of Art. 14 (ONSS §1 for procedures a and b, INASTI §2 for c) and the KBO lookup. */
const SOURCES: { key: 'dimona' | 'limosa' | 'dmfa' | 'inasti' | 'kbo'; procedures: readonly Procedure[] }[] =
  [
    { key: 'dimona', procedures: ['single_permit', 'work_permit'] },
    { key: 'limosa', procedures: ALL },
    { key: 'dmfa', procedures: ['single_permit', 'work_permit'] },
    { key: 'inasti', procedures: ['professional_card'] },
    { key: 'kbo', procedures: ALL },
  ];

/** Recipients as the procedure requires (Art. 3, 10 9°, 21-26), each seeing only what it needs. */
const RECIPIENTS: {
  key: 'post' | 'municipality' | 'dvz' | 'otherRegion' | 'inspection' | 'employment' | 'counter';
  procedures: readonly Procedure[];
}[] = [
  { key: 'post', procedures: ALL },
  { key: 'municipality', procedures: ['single_permit'] },
  { key: 'dvz', procedures: ['work_permit', 'professional_card'] },
  { key: 'otherRegion', procedures: ALL },
  { key: 'inspection', procedures: ALL },
  { key: 'employment', procedures: ['single_permit'] },
  { key: 'counter', procedures: ['professional_card'] },
];

/** Retention of Art. 27 §1 1°-3°, and drafts never filed. */
const RETENTION = ['granted', 'closed', 'hold'] as const;

/** The rights of GDPR Art. 15-21 (Art. 29 §1). */
const RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'notification',
  'portability',
  'object',
] as const;

const applies = (procedures: readonly Procedure[], procedure: Procedure | undefined) =>
  procedure === undefined || procedures.includes(procedure);

/**
 * The notice. `procedure` and `region` narrow it to one application (controllers, sources,
 * recipients); without them it covers every procedure. `level` is the level of its headings, and
 * `idPrefix` keeps its ids unique in the page (the privacy page uses none, so `/privacy#rights`).
 */
export function DataProtectionNotice({
  procedure,
  region,
  level = 2,
  idPrefix = '',
}: {
  procedure?: Procedure;
  region?: string | null;
  level?: 2 | 3;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const Heading = level === 2 ? 'h2' : 'h3';
  const part = (name: string, title: MessageKey, children: ReactNode) => (
    <section id={`${idPrefix}${name}`} aria-labelledby={`${idPrefix}${name}-title`} className="dp-part">
      <Heading id={`${idPrefix}${name}-title`}>{t(title)}</Heading>
      {children}
    </section>
  );
  const controllers = controllersOf(procedure, region);
  return (
    <div className="data-protection">
      {part(
        'who',
        'privacy.who.title',
        <>
          <p>{t(procedure ? 'privacy.who.dossier' : 'privacy.who.all')}</p>
          <ul className="dp-controllers">
            {controllers.map((c) => (
              <li key={c}>
                <strong>{t(`privacy.controller.${c}` as const)}</strong>
                {' — '}
                {t(c === 'dvz' ? 'privacy.role.dvz' : 'privacy.role.region')}
                <br />
                {t('privacy.dpo')} <a href={`mailto:${DPO_CONTACTS[c]}`}>{DPO_CONTACTS[c]}</a>
              </li>
            ))}
          </ul>
          <p>{t('privacy.processor.body')}</p>
        </>,
      )}
      {part(
        'purposes',
        'privacy.purposes.title',
        <>
          <p>{t('privacy.purposes.intro')}</p>
          <ul>
            {PURPOSES.map((p) => (
              <li key={p}>{t(`privacy.purpose.${p}` as const)}</li>
            ))}
          </ul>
        </>,
      )}
      {part(
        'basis',
        'privacy.basis.title',
        <>
          <p>{t('privacy.basis.body')}</p>
          <p>{t('privacy.basis.special')}</p>
        </>,
      )}
      {part(
        'what',
        'privacy.what.title',
        <>
          <p>{t('privacy.what.body')}</p>
          <p>{t('privacy.what.required')}</p>
        </>,
      )}
      {part(
        'source',
        'privacy.source.title',
        <>
          <p>{t('privacy.source.body')}</p>
          <ul>
            {SOURCES.filter((s) => applies(s.procedures, procedure)).map((s) => (
              <li key={s.key}>{t(`privacy.source.${s.key}` as const)}</li>
            ))}
          </ul>
        </>,
      )}
      {part(
        'recipients',
        'privacy.recipients.title',
        <>
          <p>{t('privacy.recipients.body')}</p>
          <ul>
            {RECIPIENTS.filter((r) => applies(r.procedures, procedure)).map((r) => (
              <li key={r.key}>{t(`privacy.recipient.${r.key}` as const)}</li>
            ))}
          </ul>
        </>,
      )}
      {part(
        'retention',
        'privacy.retention.title',
        <>
          <p>{t('privacy.retention.body')}</p>
          <ul>
            {RETENTION.map((r) => (
              <li key={r}>{t(`privacy.retention.${r}` as const)}</li>
            ))}
          </ul>
          <p>{t('privacy.retention.deleted')}</p>
          <p>{t('privacy.retention.draft')}</p>
        </>,
      )}
      {part(
        'rights',
        'privacy.rights.title',
        <>
          <p>{t('privacy.rights.intro')}</p>
          <ul>
            {RIGHTS.map((r) => (
              <li key={r}>{t(`privacy.rights.${r}` as const)}</li>
            ))}
          </ul>
          <p>{t('privacy.rights.how')}</p>
          <p>{t('privacy.rights.deadline')}</p>
          <p>{t('privacy.rights.accessLog')}</p>
        </>,
      )}
      {part('complaint', 'privacy.complaint.title', <p>{t('privacy.complaint.body')}</p>)}
    </div>
  );
}
