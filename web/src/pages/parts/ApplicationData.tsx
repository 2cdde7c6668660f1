import type { SectionName } from '../../../../src/contract/sections';
import { useI18n } from '../../i18n/context';
import { documentLabel, sizeText } from '../../lib/format';
import type { Dossier, DocumentView, SourceCheckView } from '../../lib/types';
import { useDisplay } from './data/display';
import {
  checkLabel,
  concernsRow,
  findingNotes,
  needsAttention,
  outcomeLabel,
  targetOf,
} from './data/findings';
import { PARTS, partOfDocument, partOfField, sectionsOf, type PartKey } from './data/parts';
import { sectionRows, type Row } from './data/rows';
import './data/ApplicationData.css';

/** The data category each section is (access.md), as the reader's withheld list names it. */
const SECTION_CATEGORY = {
  identity: 'identity',
  residence: 'residence',
  employment: 'employment',
  selfEmployed: 'self_employed',
  fee: 'admin',
} as const satisfies Record<SectionName, string>;

interface PartContent {
  rows: Row[];
  hidden: SectionName[];
  findings: SourceCheckView[];
  documents: DocumentView[];
  absent: string[];
}

const rowKey = (r: Pick<Row, 'section' | 'path'>) => `${r.section}.${r.path}`;

/**
 * The examination screen: what the filing says, part by part in the order a case officer checks
 * it, with the documents beside the data they support and the automated checks' findings beside
 * the fields they judge. What the law hides from this reader is said to be hidden, not left out.
 */
export function ApplicationData({ dossier, subject = false }: { dossier: Dossier; subject?: boolean }) {
  const { t, countryName, formatDate } = useI18n();
  const residence = dossier.sections.residence;
  const display = useDisplay({
    posts: residence?.visaPost !== undefined,
    municipalities: residence?.municipality !== undefined,
    counters: dossier.sections.selfEmployed?.businessCounter !== undefined,
  });

  const parts = Object.fromEntries(
    PARTS.map((p) => [p.key, { rows: [], hidden: [], findings: [], documents: [], absent: [] }]),
  ) as unknown as Record<PartKey, PartContent>;

  for (const section of sectionsOf(dossier.procedure)) {
    const stored = dossier.sections[section];
    if (!stored) {
      // Left out of the answer means the law withholds it from this reader (see `withheld`).
      const where = new Set(PARTS.filter((p) => p.fields.some(([s]) => s === section)).map((p) => p.key));
      if (where.size === 0) where.add('other');
      for (const key of where) parts[key].hidden.push(section);
      continue;
    }
    const rows = sectionRows({
      section,
      stored,
      procedure: dossier.procedure,
      category: dossier.category,
      fieldsShown: dossier.fieldsShown[section],
      t,
      countryName,
      formatDate,
      display,
    });
    for (const row of rows) parts[partOfField(section, row.path)].rows.push(row);
  }

  const beside = new Map<string, SourceCheckView[]>();
  for (const finding of dossier.sources ?? []) {
    const target = targetOf(finding);
    const row =
      target && PARTS.flatMap((p) => parts[p.key].rows).find((r) => concernsRow(target, r.section, r.path));
    if (row && row.state === 'shown') beside.set(rowKey(row), [...(beside.get(rowKey(row)) ?? []), finding]);
    else parts[target ? partOfField(target.section, target.field) : 'other'].findings.push(finding);
  }
  for (const d of dossier.documents) parts[partOfDocument(d.type)].documents.push(d);
  for (const c of dossier.checklist ?? []) {
    if (!c.present) parts[partOfDocument(c.documentType)].absent.push(c.documentType);
  }

  const title = (key: PartKey) =>
    key === 'employer' && dossier.procedure === 'professional_card'
      ? t('data.part.activity')
      : t(`data.part.${key}` as const);

  return (
    <section aria-labelledby="data-title" className="application-data">
      <h2 id="data-title">{subject ? t('data.title.subject') : t('data.title')}</h2>
      <p className="hint">{subject ? t('data.lead.subject') : t('data.lead')}</p>
      {PARTS.map(({ key }) => {
        const part = parts[key];
        const empty =
          part.rows.length +
            part.hidden.length +
            part.findings.length +
            part.documents.length +
            part.absent.length ===
          0;
        if (empty) return null;
        return (
          <section key={key} className="data-part" aria-labelledby={`data-part-${key}`}>
            <h3 id={`data-part-${key}`}>{title(key)}</h3>
            <div className="data-part-body">
              <div className="data-fields">
                {part.findings.length > 0 && <Findings findings={part.findings} />}
                {part.hidden.map((section) => (
                  <p key={section} className="hidden-by-law">
                    {t('data.hiddenSection', { what: t(`dataCat.${SECTION_CATEGORY[section]}` as const) })}
                  </p>
                ))}
                {part.rows.length > 0 && (
                  <dl className="summary data-list">
                    {part.rows.map((row) => (
                      <div
                        key={rowKey(row)}
                        className={`data-row data-${row.state}`}
                        data-field={rowKey(row)}
                      >
                        <dt>{row.label}</dt>
                        <dd>
                          <Value row={row} />
                          {beside.has(rowKey(row)) && <Findings findings={beside.get(rowKey(row)) ?? []} />}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
              {part.documents.length + part.absent.length > 0 && (
                <DocumentsBeside
                  dossierId={dossier.id}
                  part={key}
                  documents={part.documents}
                  absent={part.absent}
                />
              )}
            </div>
          </section>
        );
      })}
    </section>
  );
}

function Value({ row }: { row: Row }) {
  const { t } = useI18n();
  if (row.state === 'hidden') return <span className="hidden-by-law">{t('data.hidden')}</span>;
  if (row.state === 'missing') return <span className="muted">{t('data.missing')}</span>;
  return <span className="data-value">{row.value}</span>;
}

function Findings({ findings }: { findings: SourceCheckView[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={f.check} className={`finding outcome-${f.outcome}${needsAttention(f) ? ' attention' : ''}`}>
          <span className="finding-label">{t('data.finding')}</span> {checkLabel(t, f.check)}:{' '}
          <strong>{outcomeLabel(t, f.outcome)}</strong>
          {findingNotes(i18n, f).map((note) => (
            <span key={note} className="finding-note">
              {' '}
              {note}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

function DocumentsBeside({
  dossierId,
  part,
  documents,
  absent,
}: {
  dossierId: string;
  part: PartKey;
  documents: DocumentView[];
  absent: string[];
}) {
  const { t, lang } = useI18n();
  return (
    <div className="data-documents" role="group" aria-labelledby={`data-docs-${part}`}>
      <h4 id={`data-docs-${part}`}>{t('data.documents')}</h4>
      <ul className="plain-list">
        {documents.map((d) => (
          <li key={d.id}>
            {documentLabel(t, d.type)}
            {d.fileName && <span className="muted"> — {d.fileName}</span>}
            {d.sizeBytes !== undefined && (
              <span className="muted"> ({sizeText(d.sizeBytes, lang)})</span>
            )}{' '}
            {d.downloadable ? (
              <a href={`/api/v1/dossiers/${dossierId}/documents/${d.id}`} download>
                {t('docs.download')}
                <span className="visually-hidden"> {documentLabel(t, d.type)}</span>
              </a>
            ) : (
              <span className="hidden-by-law">{t('data.document.contentHidden')}</span>
            )}
          </li>
        ))}
        {absent.map((type) => (
          <li key={type} className="doc-absent">
            {documentLabel(t, type)}: <strong>{t('data.document.absent')}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
