import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPolicyDocument, renderPolicyTable } from './policy-table.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The table lines of a Markdown text, each split into trimmed cells. */
const parse = (text: string): string[][] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );

interface ArguedDifference {
  row: string;
  column: string;
  spec: string;
  ours: string;
  /** The sections of docs/decisions/0004-policy-differences.md that argue it. */
  reason: string;
}

const D1 = 'D1 rule 2: an authority sees a dossier only once filed';
const D2 = 'D2 Art. 26: the gate grants the relation only for a named own dossier';
const D3 = 'D3 R-PROC-5: DVZ has access once the dossier is admissible, the whole row';
const D4 = 'D4 R-RCPT-1/2: the decisions reach the post or municipality from the authorisation';
const D5 = 'D5 registration data only: the section, not the business plan or financial proof';
const D6 = 'D6 a decision-only admin cell lets no admin document (fee proof) through';
const D7 = 'D7 R-RCPT-3: a refused card shows as the fact of a negative decision';
const D10 = "D10 Art. 17 §1: DVZ's designation covers the worker's criminal record";
const D12 = 'D12 Art. 25 narrow: employer and workplace are these fields of the employment section';
const D13 = 'D13 the contact the employment service reads is kept in the residence section';

const after = (spec: string, ours: string) => ({ spec, ours });

/**
 * Every cell where the printed POLICY differs from the access.md table, each argued in
 * docs/decisions/0004-policy-differences.md. Anything else that differs fails the test.
 */
const ARGUED_DIFFERENCES: readonly ArguedDifference[] = [
  ...(
    [
      ['identity', after('R', 'R after filing')],
      ['residence', after('R', 'R after filing')],
      ['employment', after('R', 'R after filing')],
      ['self_employed', after('R (c)', 'R (c) after filing')],
      [
        'health',
        after(
          'R designated only (work-permit medical certificate)',
          'R designated only (work-permit medical certificate) after filing',
        ),
      ],
      [
        'criminal',
        after('R designated only (self-employed)', 'R designated only (self-employed) after filing'),
      ],
      ['admin', after('R', 'R after filing')],
      ['source', after('R', 'R after filing')],
      ['grounds', after('own decisions only', 'own decisions only after filing')],
    ] as const
  ).map(([column, texts]) => ({ row: 'competent region', column, ...texts, reason: D1 })),
  ...(
    [
      ['identity', after('R', 'R after filing')],
      ['residence', after('R', 'R after filing')],
      ['employment', after('R', 'R after filing')],
      ['self_employed', after('R (c)', 'R (c) after filing')],
      ['admin', after('R, negative: F', 'R after filing, negative: F')],
    ] as const
  ).map(([column, texts]) => ({ row: 'other region', column, ...texts, reason: `${D1}; ${D2}` })),
  {
    row: 'DVZ, procedure (a)',
    column: 'health',
    spec: 'R designated only (medical certificate of the 1980 law)',
    ours: 'R designated only (medical certificate of the 1980 law) after admissible',
    reason: D3,
  },
  {
    row: 'DVZ, procedure (a)',
    column: 'criminal',
    spec: 'R designated only',
    ours: 'R designated only (worker) after admissible',
    reason: `${D3}; ${D10}`,
  },
  {
    row: 'DVZ, procedure (a)',
    column: 'admin',
    spec: 'R, regional negative: F',
    ours: 'R after admissible, regional negative: F',
    reason: D3,
  },
  { row: 'DVZ, procedure (a)', column: 'source', spec: 'R', ours: 'R after admissible', reason: D3 },
  {
    row: 'DVZ, procedure (a)',
    column: 'grounds',
    spec: 'own decisions only',
    ours: 'own decisions only after admissible',
    reason: D3,
  },
  ...(
    [
      ['identity', after('R', 'R after filing')],
      ['residence', after('R', 'R after filing')],
      ['admin', after('R, negative: F', 'R after filing, negative: F')],
      ['grounds', after('own decisions only', 'own decisions only after filing')],
    ] as const
  ).map(([column, texts]) => ({ row: 'DVZ, procedures (b)(c)', column, ...texts, reason: D1 })),
  ...['post', 'municipality'].map((row) => ({
    row,
    column: 'admin',
    spec: 'positive decisions only',
    ours: 'positive decisions only after authorisation, no documents',
    reason: `${D4}; ${D6}`,
  })),
  { row: 'business counter', column: 'identity', spec: 'R (c)', ours: 'R (c) after filing', reason: D1 },
  {
    row: 'business counter',
    column: 'self_employed',
    spec: 'R (c), registration data only',
    ours: 'R (c) after filing, registration data only, no documents',
    reason: `${D1}; ${D5}`,
  },
  {
    row: 'business counter',
    column: 'admin',
    spec: 'professional-card decisions',
    ours: 'professional-card decisions (c) after filing, negative: F, no documents',
    reason: `${D1}; ${D6}; ${D7}`,
  },
  ...(
    [
      ['identity', after('R (to identify the worker)', 'R (to identify the worker) after filing')],
      ['residence', after('narrow: —; broad: R', 'narrow: —; broad: R after filing')],
      ['self_employed', after('narrow: —; broad: R', 'narrow: —; broad: R after filing')],
      ['admin', after('R, negative: F', 'R after filing, negative: F')],
      ['source', after('narrow: —; broad: R', 'narrow: —; broad: R after filing')],
    ] as const
  ).map(([column, texts]) => ({ row: 'inspection', column, ...texts, reason: D1 })),
  {
    row: 'inspection',
    column: 'employment',
    spec: 'narrow: employer and workplace only; broad: R',
    ours: 'narrow: R after filing, fields: employer, registration, onssNumber, workplace, no documents; broad: R after filing',
    reason: `${D1}; ${D12}`,
  },
  {
    row: 'employment service',
    column: 'residence',
    spec: '—',
    ours: 'R after a withdrawal, fields: email, phone, no documents',
    reason: D13,
  },
  {
    row: 'employment service',
    column: 'admin',
    spec: 'withdrawal of the single permit only',
    ours: 'withdrawal of the single permit only after a withdrawal, no documents',
    reason: D6,
  },
];

const reasonIds = (reason: string) => reason.match(/\bD\d+\b/g) ?? [];

describe('the access policy printed from POLICY', () => {
  it('is committed as docs/access-policy.md', () => {
    expect(
      read('../../docs/access-policy.md'),
      'docs/access-policy.md is out of date: run npm run policy:print',
    ).toBe(renderPolicyDocument());
  });

  it('equals the access.md table cell by cell, except the argued differences', () => {
    const spec = parse(read('./access-spec-table.md'));
    const ours = parse(renderPolicyTable());
    const [header, , ...specRows] = spec;
    const [ourHeader, , ...ourRows] = ours;
    expect(ourHeader).toEqual(header);
    expect(ourRows.map((r) => r[0])).toEqual(specRows.map((r) => r[0]));
    const columns = header ?? [];

    const found: ArguedDifference[] = [];
    specRows.forEach((specRow, i) => {
      const ourRow = ourRows[i] ?? [];
      expect(ourRow, `cells of ${specRow[0]}`).toHaveLength(columns.length);
      for (let j = 1; j < columns.length; j++) {
        const [row, column, s, o] = [specRow[0] ?? '', columns[j] ?? '', specRow[j] ?? '', ourRow[j] ?? ''];
        if (s === o) continue;
        const argued = ARGUED_DIFFERENCES.find((d) => d.row === row && d.column === column);
        expect(argued, `${row} / ${column}: access.md "${s}", ours "${o}" is not argued`).toBeDefined();
        expect({ spec: argued?.spec, ours: argued?.ours }, `${row} / ${column}`).toEqual({
          spec: s,
          ours: o,
        });
        if (argued) found.push(argued);
      }
    });
    // No stale entry: every listed difference is a difference today.
    for (const d of ARGUED_DIFFERENCES)
      expect(found, `${d.row} / ${d.column} no longer differs: drop it from the list`).toContain(d);
  });

  it('argues every listed difference in docs/decisions/0004-policy-differences.md', () => {
    const record = read('../../docs/decisions/0004-policy-differences.md');
    const lines = record.split('\n');
    for (const d of ARGUED_DIFFERENCES) {
      const ids = reasonIds(d.reason);
      expect(ids.length, `${d.row} / ${d.column} names its reason`).toBeGreaterThan(0);
      const prefix = `| ${d.row} | ${d.column} | ${d.spec} | ${d.ours} |`;
      const line = lines.find((l) => l.startsWith(prefix));
      expect(line, `0004 lists: ${prefix}`).toBeDefined();
      for (const id of ids) {
        expect(line, `0004 gives ${id} for ${d.row} / ${d.column}`).toMatch(new RegExp(`\\b${id}\\b`));
        expect(record, `0004 argues ${id}`).toMatch(new RegExp(`^### ${id} — `, 'm'));
      }
    }
  });
});
