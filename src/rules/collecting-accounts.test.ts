import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { formatIban, isBic, parseIban } from '../contract/identifiers.js';
import {
  collectingAccountFor,
  DEMO_COLLECTING_ACCOUNTS,
  type CollectingAccount,
} from './collecting-accounts.js';
import { epcPayload } from './epc-qr.js';

describe('IBAN and BIC of a collecting authority', () => {
  it('accepts an IBAN whose ISO 13616 check digits agree, in any spacing, and refuses one digit off', () => {
    expect(parseIban('BE54 0000 0000 0097')).toBe('BE54000000000097');
    expect(parseIban('be71096123456769')).toBe('BE71096123456769');
    expect(parseIban('DE89370400440532013000')).toBe('DE89370400440532013000');
    expect(parseIban('BE55000000000097')).toBeUndefined();
    expect(parseIban('BE54000000000098')).toBeUndefined();
    expect(parseIban('BE5400000000009')).toBeUndefined();
    expect(formatIban('BE54000000000097')).toBe('BE54 0000 0000 0097');
  });

  it('accepts a BIC of 8 or 11 characters and refuses other shapes', () => {
    expect(isBic('GKCCBEBB')).toBe(true);
    expect(isBic('BBRUBEBB100')).toBe(true);
    expect(isBic('GKCCBEB')).toBe(false);
    expect(isBic('GKCC1EBB')).toBe(false);
    expect(isBic('gkccbebb')).toBe(false);
  });

  it('every demo account is valid in form and says it is fictitious', () => {
    for (const account of DEMO_COLLECTING_ACCOUNTS) {
      expect(parseIban(account.iban)).toBe(account.iban);
      expect(isBic(account.bic)).toBe(true);
      expect(account.beneficiary).toMatch(/DEMO.*fictitious/);
      expect(account.beneficiary.length).toBeLessThanOrEqual(70);
    }
  });
});

describe('which account a fee is paid into', () => {
  const row = (over: Partial<CollectingAccount>): CollectingAccount => ({
    procedure: 'single_permit',
    beneficiary: 'Federal',
    iban: 'BE54000000000097',
    bic: 'DEMOBEBB',
    effectiveFrom: '2020-01-01',
    legalSource: 'test',
    ...over,
  });
  const table = [
    row({}),
    row({ region: 'flanders', beneficiary: 'Flemish', effectiveFrom: '2027-01-01' }),
    row({ procedure: 'work_permit', region: 'wallonia', beneficiary: 'Walloon' }),
  ];

  it('the competent region’s own row first, else the row for every region, by date', () => {
    expect(collectingAccountFor(table, 'single_permit', 'flanders', '2026-12-01')?.beneficiary).toBe(
      'Federal',
    );
    expect(collectingAccountFor(table, 'single_permit', 'flanders', '2027-01-01')?.beneficiary).toBe(
      'Flemish',
    );
    expect(collectingAccountFor(table, 'single_permit', 'brussels', '2027-01-01')?.beneficiary).toBe(
      'Federal',
    );
    expect(collectingAccountFor(table, 'work_permit', 'wallonia', '2027-01-01')?.beneficiary).toBe('Walloon');
    expect(collectingAccountFor(table, 'work_permit', 'flanders', '2027-01-01')).toBeUndefined();
  });
});

describe('the EPC069-12 QR code text', () => {
  it('has the fields in the order the guideline fixes, the structured communication as 12 digits', () => {
    const payload = epcPayload({
      bic: 'DEMOBEBB',
      beneficiary: 'DEMO Immigration Office fee account (fictitious - do not pay)',
      iban: 'BE54 0000 0000 0097',
      amountCents: 35_800,
      structuredReference: '+++202/6000/12369+++',
    });
    expect(payload).toBe(
      'BCD\n002\n1\nSCT\nDEMOBEBB\nDEMO Immigration Office fee account (fictitious - do not pay)\nBE54000000000097\nEUR358.00\n\n202600012369',
    );
    expect(Buffer.byteLength(payload, 'utf8')).toBeLessThanOrEqual(331);
  });

  it('writes cents exactly and refuses an amount or reference outside the guideline', () => {
    const base = {
      bic: 'GKCCBEBB',
      beneficiary: 'X',
      iban: 'BE54000000000097',
      structuredReference: '202600012369',
    };
    expect(epcPayload({ ...base, amountCents: 5 }).split('\n')[7]).toBe('EUR0.05');
    expect(() => epcPayload({ ...base, amountCents: 0 })).toThrow(RangeError);
    expect(() => epcPayload({ ...base, amountCents: 100, structuredReference: '123' })).toThrow(RangeError);
  });
});

describe('the accounts an installation configures (FEE_ACCOUNTS_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-fee-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (rows: unknown) => {
    const name = join(dir, `${String(Math.random()).slice(2)}.json`);
    writeFileSync(name, JSON.stringify(rows));
    return name;
  };
  const real = {
    procedure: 'single_permit',
    beneficiary: 'Test beneficiary',
    iban: 'BE71 0961 2345 6769',
    bic: 'GKCCBEBB',
    effectiveFrom: '2026-01-01',
    legalSource: 'test',
    configurationNote: 'internal',
  };

  it('outside production the demo accounts apply; production shows none until configured', () => {
    expect(loadConfig({}, []).collectingAccounts).toEqual(DEMO_COLLECTING_ACCOUNTS);
    expect(loadConfig({ FEE_ACCOUNTS_FILE: file([real]) }, []).collectingAccounts[0]?.iban).toBe(
      'BE71096123456769',
    );
  });

  it('refuses a wrong IBAN or BIC, and the demo accounts in production', () => {
    expect(() =>
      loadConfig({ FEE_ACCOUNTS_FILE: file([{ ...real, iban: 'BE72096123456769' }]) }, []),
    ).toThrow(/FEE_ACCOUNTS_FILE.*\n.*IBAN/);
    expect(() => loadConfig({ FEE_ACCOUNTS_FILE: file([{ ...real, bic: 'GKCC' }]) }, [])).toThrow(
      ConfigError,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    const production = {
      NODE_ENV: 'production',
      DOCUMENT_MASTER_KEY: key,
      AUDIT_KEY: key,
      SOURCE_KBO: 'https://sources.example.be/kbo',
      SOURCE_ONSS: 'https://sources.example.be/onss',
      SOURCE_LIMOSA: 'https://sources.example.be/limosa',
      SOURCE_INASTI: 'https://sources.example.be/inasti',
      SMTP_URL: 'smtp://relay.example.be:587',
      SMTP_FROM: 'no-reply@example.be',
    } as const;
    expect(loadConfig(production, []).collectingAccounts).toEqual([]);
    expect(() =>
      loadConfig({ ...production, FEE_ACCOUNTS_FILE: file([{ ...real, iban: 'BE54000000000097' }]) }, []),
    ).toThrow(/cannot use the demo accounts/);
    expect(
      loadConfig({ ...production, FEE_ACCOUNTS_FILE: file([real]) }, []).collectingAccounts,
    ).toHaveLength(1);
  });
});
