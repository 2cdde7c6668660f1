import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierRecord } from '../../dossier/model/record.js';
import { loadConfig } from '../../config.js';
import { bisNumberFrom, enterpriseNumberFrom } from '../../demo/fixtures.js';
import { runChecks, previousQuarters } from './checks.js';
import { sourcesFrom, type Sources } from './index.js';
import { fakeKbo } from './kbo.js';

const fakes: Sources = { ...sourcesFrom(loadConfig({}, []).sources), timeoutMs: 200 };
const now = () => new Date('2026-11-23T09:00:00Z');
const signal = () => new AbortController().signal;

function record(overrides: {
  procedure?: DossierRecord['procedure'];
  renewal?: boolean;
  niss?: string;
  enterprise?: string;
  posting?: string;
}): DossierRecord {
  const procedure = overrides.procedure ?? 'single_permit';
  return {
    id: 'd',
    reference: 'SW-2026-000001',
    procedure,
    category: procedure,
    longTermMobility: false,
    language: 'en',
    region: 'flanders',
    applicantOrganisationId: 'o',
    applicantName: 'Demo',
    applicantEnterpriseNumber: null,
    follows: overrides.renewal ? { kind: 'renewal', reference: 'SW-2025-000001', dossierId: 'p' } : null,
    createdAt: now(),
    sections: {
      identity: { niss: overrides.niss ?? bisNumberFrom(1) },
      employment: {
        employer: { name: 'Demo', enterpriseNumber: overrides.enterprise ?? enterpriseNumberFrom(1) },
        grossMonthlySalaryCents: 520_000,
        ...(overrides.posting && {
          posting: { limosaReference: overrides.posting, postingCertificate: 'A1' },
        }),
      },
      selfEmployed: { enterpriseNumber: overrides.enterprise ?? enterpriseNumberFrom(1) },
    },
    actions: [],
    documents: [],
    lifecycle: {
      state: 'filed',
      filedAt: now(),
      stoppedAt: undefined,
      requests: [],
      decisions: [],
      extension: undefined,
    },
    sourceChecks: [],
  } as unknown as DossierRecord;
}

const outcomes = async (r: DossierRecord, sources: Sources = fakes) =>
  Object.fromEntries((await runChecks(sources, now, r)).map((c) => [c.check, c.outcome]));

describe('the fake sources', () => {
  it('are deterministic: the same number gives the same fictitious record', async () => {
    const a = await fakeKbo.enterprise(enterpriseNumberFrom(7), { signal: signal() });
    const b = await fakeKbo.enterprise(enterpriseNumberFrom(7), { signal: signal() });
    expect(a).toEqual(b);
    expect(a.found && a.data.name).toMatch(/\(fictitious\)$/);
  });

  it('quarters are the four before the current one', () => {
    expect(previousQuarters('2026-01-10')).toEqual(['2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']);
  });
});

describe('checks by procedure', () => {
  it('a renewal compares the worker’s DIMONA and DmfA wages with the declared salary', async () => {
    expect(await outcomes(record({ renewal: true }))).toMatchObject({
      dimona_worker: 'pass',
      dmfa_worker_salary: 'pass',
    });
    // Serial 893: a worker paid 1,800 a month against 5,200 declared, with no DIMONA in force.
    const underpaid = await runChecks(fakes, now, record({ renewal: true, niss: bisNumberFrom(793) }));
    const salary = underpaid.find((c) => c.check === 'dmfa_worker_salary');
    expect(salary).toMatchObject({
      outcome: 'fail',
      detail: { averageMonthlyGrossCents: 180_000, declaredGrossMonthlySalaryCents: 520_000 },
    });
    expect(underpaid.find((c) => c.check === 'dimona_worker')?.outcome).toBe('fail');
    // First applications have no worker history to compare.
    expect(await outcomes(record({}))).not.toHaveProperty('dmfa_worker_salary');
  });

  it('a posted worker’s LIMOSA declaration is checked', async () => {
    expect((await outcomes(record({ posting: 'L-2026-000123' }))).limosa_declaration).toBe('pass');
    expect((await outcomes(record({ posting: 'L-2026-000893' }))).limosa_declaration).toBe('fail');
    expect((await outcomes(record({ posting: 'L-2026-000890' }))).limosa_declaration).toBe('not_found');
  });

  it('a professional card is checked with INASTI and KBO, not ONSS', async () => {
    const o = await outcomes(record({ procedure: 'professional_card' }));
    expect(o).toMatchObject({ inasti_affiliation: 'pass', kbo_enterprise_active: 'pass' });
    expect(o).not.toHaveProperty('onss_employer_registered');
    expect(
      (await outcomes(record({ procedure: 'professional_card', niss: bisNumberFrom(793) })))
        .inasti_affiliation,
    ).toBe('fail');
  });

  it('an employer still to be registered has no KBO record to check (Art. 20 §2 3°)', async () => {
    const r = record({});
    (r.sections.employment as { employer: { enterpriseNumber?: string } }).employer.enterpriseNumber =
      undefined;
    expect(await outcomes(r)).toMatchObject({
      enterprise_number_check_digits: 'not_applicable',
      kbo_enterprise_active: 'not_applicable',
    });
  });
});

/** The sources gateway of docs/sources.md, played by a local server. */
let gateway: Server;
let gatewayUrl = '';
const authorisations: (string | undefined)[] = [];

beforeAll(async () => {
  gateway = createServer((req, res) => {
    authorisations.push(req.headers.authorization);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === `/kbo/enterprises/${enterpriseNumberFrom(1)}`) {
      json(200, {
        enterpriseNumber: enterpriseNumberFrom(1),
        name: 'Demo Employer NV',
        status: 'active',
        legalForm: 'NV',
        startDate: '2015-01-01',
        seat: { street: 'Voorbeeldstraat', number: '1', postcode: '2000', municipality: 'Antwerpen' },
      });
    } else if (path === `/kbo/enterprises/${enterpriseNumberFrom(2)}`) {
      json(200, { unexpected: true });
    } else if (path.startsWith('/onss/')) {
      json(503, {});
    } else {
      json(404, {});
    }
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) =>
      gateway.close(() => {
        resolve();
      }),
    ),
);

describe('real adapters, chosen by configuration alone', () => {
  it('read the gateway’s contract: record, 404 as not found, anything else unavailable', async () => {
    const config = loadConfig(
      {
        SOURCE_KBO: `${gatewayUrl}/kbo`,
        SOURCE_ONSS: `${gatewayUrl}/onss`,
        SOURCE_LIMOSA: 'fake',
        SOURCE_INASTI: 'fake',
        SOURCE_TOKEN: 'gateway-token',
      },
      [],
    );
    const real = sourcesFrom(config.sources);
    expect(real.limosa).toBe(fakes.limosa);
    const found = await real.kbo.enterprise(enterpriseNumberFrom(1), { signal: signal() });
    expect(found).toMatchObject({ found: true, data: { name: 'Demo Employer NV', status: 'active' } });
    expect(authorisations.at(-1)).toBe('Bearer gateway-token');
    expect(await real.kbo.enterprise(enterpriseNumberFrom(3), { signal: signal() })).toEqual({
      found: false,
    });
    const o = await outcomes(record({}), real);
    expect(o).toMatchObject({ kbo_enterprise_active: 'pass', onss_employer_registered: 'unavailable' });
    const broken = await runChecks(real, now, record({ enterprise: enterpriseNumberFrom(2) }));
    expect(broken.find((c) => c.check === 'kbo_enterprise_active')).toMatchObject({
      outcome: 'unavailable',
      detail: { code: 'unexpected_shape' },
    });
  });

  it('production never runs on fictitious data', () => {
    // A production master key for documents (fictitious), so these checks reach what they test.
    const production = {
      NODE_ENV: 'production',
      DOCUMENT_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      AUDIT_KEY: Buffer.alloc(32, 8).toString('base64'),
    } as const;
    expect(() => loadConfig(production, [])).toThrow(/SOURCE_KBO/);
    expect(() =>
      loadConfig(
        {
          ...production,
          SOURCE_KBO: 'fake',
          SOURCE_ONSS: 'https://g/onss',
          SOURCE_LIMOSA: 'https://g/l',
          SOURCE_INASTI: 'https://g/i',
        },
        [],
      ),
    ).toThrow(/SOURCE_KBO/);
    const ok = loadConfig(
      {
        ...production,
        SMTP_URL: 'smtp://relay.example.be:587',
        SMTP_FROM: 'no-reply@example.be',
        SOURCE_KBO: 'https://g/kbo',
        SOURCE_ONSS: 'https://g/onss',
        SOURCE_LIMOSA: 'https://g/l',
        SOURCE_INASTI: 'https://g/i',
      },
      [],
    );
    expect(ok.sources.kbo).toEqual({ kind: 'http', url: 'https://g/kbo' });
  });
});
