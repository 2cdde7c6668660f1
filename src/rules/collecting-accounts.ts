import { z } from 'zod';
import type { Procedure } from '../contract/procedures.js';
import { PROCEDURES } from '../contract/procedures.js';
import { REGIONS, type Region } from '../contract/regions.js';
import { isBic, parseIban } from '../contract/identifiers.js';
import { effectiveAt, isIsoDate, type RuleRow } from './effective.js';

/*
 * Where a fee is paid: the collecting authority's account, per procedure and, where a region
 * collects a charge of its own, per competent region. Configuration data about authorities, not
 * personal data. The demo rows below are fictitious; an installation names the real accounts in
 * the file FEE_ACCOUNTS_FILE (docs/fees.md), and production never shows the demo ones.
 */

export interface CollectingAccount extends RuleRow {
  procedure: Procedure;
  /** undefined: the account for every region (a federal fee, e.g. the Immigration Office's). */
  region?: Region;
  /** The account holder's name, as a bank shows it and as the QR code carries it (at most 70 characters). */
  beneficiary: string;
  iban: string;
  bic: string;
  /** For whoever maintains the table: never shown to the public, never in an answer. */
  configurationNote?: string;
}

/**
 * The single-permit fee is federal (law of 15 December 1980 Art. 1/1): one account, whatever the
 * region. Account number zero of bank code 000 — a valid checksum that belongs to nobody.
 */
export const DEMO_COLLECTING_ACCOUNTS: readonly CollectingAccount[] = [
  {
    procedure: 'single_permit',
    beneficiary: 'DEMO Immigration Office fee account (fictitious - do not pay)',
    iban: 'BE54000000000097',
    bic: 'DEMOBEBB',
    effectiveFrom: '2019-01-03',
    legalSource:
      'Law of 15 December 1980 Art. 1/1 and royal decree of 8 October 1981 Art. 1/1: the fee is paid to the Immigration Office (FPS Home Affairs)',
    configurationNote: 'Demo account: an installation sets the real one in FEE_ACCOUNTS_FILE.',
  },
];

/** The demo IBANs, which a production configuration refuses. */
export const DEMO_IBANS: ReadonlySet<string> = new Set(DEMO_COLLECTING_ACCOUNTS.map((a) => a.iban));

/**
 * The account of a fee on a date: the competent region's own row first, then the row for every
 * region; undefined when none is configured (the page then says the account is not published yet).
 */
export function collectingAccountFor(
  accounts: readonly CollectingAccount[],
  procedure: Procedure,
  region: Region | null,
  on: string,
): CollectingAccount | undefined {
  const rows = effectiveAt(accounts, on).filter((a) => a.procedure === procedure);
  return rows.find((a) => region !== null && a.region === region) ?? rows.find((a) => a.region === undefined);
}

const isoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');

/** One row of FEE_ACCOUNTS_FILE: the account checked by its IBAN checksum and BIC shape. */
export const CollectingAccountRow = z
  .object({
    procedure: z.enum(PROCEDURES),
    region: z.enum(REGIONS).optional(),
    beneficiary: z.string().trim().min(1).max(70),
    iban: z.string().transform((v, ctx) => {
      const iban = parseIban(v);
      if (!iban) ctx.addIssue({ code: 'custom', message: 'not a valid IBAN (check digits)' });
      return iban ?? v;
    }),
    bic: z.string().refine(isBic, 'not a BIC (8 or 11 letters and digits, e.g. GKCCBEBB)'),
    effectiveFrom: isoDate,
    effectiveUntil: isoDate.optional(),
    legalSource: z.string().min(1),
    configurationNote: z.string().optional(),
  })
  .strict();

/** The whole file: a JSON array of rows. */
export const CollectingAccountsFile = z.array(CollectingAccountRow).min(1);
