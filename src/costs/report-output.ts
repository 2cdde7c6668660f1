import type { CostReport } from '../contract/costs.js';
import type { Language } from '../contract/language.js';
import { REGIONS } from '../contract/regions.js';
import { renderLetter, type Block } from '../letters/letter-pdf.js';
import { REPORT_TEXTS } from './report-texts.js';

/** Cents as euros with two decimals, in the report language's convention. */
export function euros(cents: number, language: Language): string {
  const locale = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE' }[language];
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

const percent = (bp: number) => `${(bp / 100).toFixed(2)} %`;

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The report as CSV (RFC 4180): codes and whole cents, so a spreadsheet adds them up exactly; the
 * headers are in English field names like every CSV of the platform.
 */
export function costReportCsv(report: CostReport): string {
  const lines: (string | number)[][] = [
    ['section', 'period', 'phase', 'nature', 'scope', 'party', 'description', 'amount_cents'],
  ];
  for (const l of report.lines) {
    lines.push(['line', report.period, l.phase, l.nature, l.scope, '', l.description, l.amountCents]);
  }
  lines.push(['total', report.period, '', '', 'in_scope', '', '', report.totals.inScope]);
  lines.push(['total', report.period, '', '', 'out_of_scope', '', '', report.totals.outOfScope]);
  lines.push(['total', report.period, '', '', '', '', '', report.totals.total]);
  lines.push(['share', report.period, '', '', '', 'dvz', '', report.totals.federal]);
  for (const r of REGIONS) lines.push(['share', report.period, '', '', '', r, '', report.totals.regions[r]]);
  return `${lines.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The report as a PDF in one of the four languages, laid out like the decision letters. */
export async function costReportPdf(report: CostReport, language: Language, at: Date): Promise<Uint8Array> {
  const t = REPORT_TEXTS[language];
  const { key, totals } = report;
  const blocks: Block[] = [
    { kind: 'title', text: `${t.title} — ${report.period}` },
    { kind: 'paragraph', text: t.intro },
    { kind: 'heading', text: t.keyHeading },
    { kind: 'paragraph', text: key.source === 'default' ? t.defaultKey : t.setKey },
    { kind: 'field', label: t.federalInScope, value: percent(key.federalInScopeBp) },
    { kind: 'field', label: t.federalOutOfScope, value: percent(key.federalOutOfScopeBp) },
    { kind: 'field', label: t.regionalKey, value: key.regionalKey === 'fixed' ? t.fixed : t.byDossiers },
  ];
  if (key.regionalKey === 'fixed' && key.fixedShares) {
    const shares = key.fixedShares;
    for (const r of REGIONS) blocks.push({ kind: 'field', label: t.regions[r], value: percent(shares[r]) });
  } else {
    blocks.push({ kind: 'heading', text: t.dossiersHeading });
    for (const r of REGIONS)
      blocks.push({ kind: 'field', label: t.regions[r], value: String(report.dossiers[r]) });
    if (report.equalSplitFallback) blocks.push({ kind: 'paragraph', text: t.equalSplit });
  }
  blocks.push({ kind: 'heading', text: t.linesHeading });
  if (report.lines.length === 0) blocks.push({ kind: 'paragraph', text: t.noLines });
  for (const l of report.lines) {
    blocks.push({
      kind: 'field',
      label: `${t.phase[l.phase]}, ${t.nature[l.nature]}, ${l.scope === 'in_scope' ? t.inScope : t.outOfScope}: ${l.description}`,
      value: euros(l.amountCents, language),
    });
  }
  blocks.push(
    { kind: 'heading', text: t.allocationHeading },
    { kind: 'field', label: t.inScope, value: euros(totals.inScope, language) },
    { kind: 'field', label: t.outOfScope, value: euros(totals.outOfScope, language) },
    { kind: 'field', label: t.total, value: euros(totals.total, language) },
    { kind: 'field', label: t.federal, value: euros(totals.federal, language) },
    { kind: 'field', label: t.regional, value: euros(totals.regional, language) },
  );
  for (const r of REGIONS)
    blocks.push({ kind: 'field', label: t.regions[r], value: euros(totals.regions[r], language) });
  return renderLetter({
    lang: language,
    title: `${t.title} — ${report.period}`,
    subject: t.title,
    author: t.footer,
    header: [t.footer, `${t.period}: ${report.period}`],
    blocks,
    footer: t.footer,
    pageOf: t.pageOf,
    date: at,
  });
}
