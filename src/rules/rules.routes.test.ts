import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../../test/harness.js';
import { requiredDocuments } from './documents.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => {
  await platform.close();
});

describe('public rules API', () => {
  it('names the region competent for a workplace postcode, in the caller’s language', async () => {
    const res = await platform.anonymous('nl').get('/api/v1/rules/region?postcode=4700');
    expect(res.status).toBe(200);
    expect(res.body.region).toBe('ostbelgien');
    expect(res.body.localities).toContain('Eupen');
    expect(res.body.authority.name).toContain('Duitstalige');
    const brussels = await platform.anonymous().get('/api/v1/rules/region?postcode=1000');
    expect(brussels.body.region).toBe('brussels');
  });

  it('refuses an unknown postcode with the catalogued field code', async () => {
    const res = await platform.anonymous('fr').get('/api/v1/rules/region?postcode=0999');
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'query.postcode', code: 'unknown_postcode' });
  });

  it('lists the same documents the submission check asks, with the fee and the special categories', async () => {
    const res = await platform
      .anonymous()
      .get(
        '/api/v1/rules/checklist?procedure=single_permit&category=single_permit&region=flanders&abroad=true',
      );
    expect(res.status).toBe(200);
    const expected = requiredDocuments({
      procedure: 'single_permit',
      category: 'single_permit',
      region: 'flanders',
      facts: { abroad: true },
      on: '2026-11-23',
    }).map((d) => d.documentType);
    expect(res.body.documents.map((d: { documentType: string }) => d.documentType)).toEqual(expected);
    expect(res.body.documents.find((d: any) => d.documentType === 'medical_certificate').special).toBe(
      'health',
    );
    expect(res.body.documents.find((d: any) => d.documentType === 'criminal_record').special).toBe(
      'criminal',
    );
    expect(res.body.fee.amountCents).toBe(35_800);
    expect(res.body.maxDocumentBytes).toBe(10 * 1024 * 1024);
    const inBelgium = await platform
      .anonymous()
      .get('/api/v1/rules/checklist?procedure=single_permit&category=single_permit&abroad=false');
    const types = inBelgium.body.documents.map((d: { documentType: string }) => d.documentType);
    expect(types).toContain('residence_permit');
    expect(types).not.toContain('medical_certificate');
  });

  it('refuses a category of another procedure', async () => {
    const res = await platform
      .anonymous()
      .get('/api/v1/rules/checklist?procedure=work_permit&category=researcher');
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('category_not_of_procedure');
  });

  it('says whether demo accounts may be shown, and lists none outside demo mode', async () => {
    const res = await platform.anonymous().get('/api/v1/rules/platform');
    expect(res.status).toBe(200);
    expect(res.body.demo).toBe(false);
    expect(res.body.demoAccounts).toEqual([]);
    // Tests, like the demo, have procedure (c) in force from a past date (decision 0007).
    expect(res.body.procedures).toContain('professional_card');
    expect(res.body.procedureDates).toContainEqual({
      procedure: 'professional_card',
      inForceFrom: '2025-01-31',
    });
  });

  it('keeps unknown API paths a 404 problem even when the portal is served', async () => {
    const res = await platform.anonymous().get('/api/v1/no-such-route');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
