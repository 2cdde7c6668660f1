import type { Client, TestPlatform } from './harness.js';
import { filedSinglePermit } from './scenarios.js';

/** Drives a single permit through the real API to the state a test of deliveries needs. */
export const dossierPath = (id: string, rest = '') => `/api/v1/dossiers/${id}${rest}`;

async function expectStatus(reply: Promise<{ status: number; body: unknown }>, status: number, what: string) {
  const r = await reply;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

export interface Parties {
  employer: Client;
  flanders: Client;
  dvz: Client;
}

export async function admissibleSinglePermit(
  platform: TestPlatform,
  p: Parties,
  options: { abroad?: boolean } = {},
) {
  const draft = await filedSinglePermit(platform, p.employer, options);
  await expectStatus(
    p.flanders.post(dossierPath(draft.id, '/admissibility'), { outcome: 'admissible' }),
    200,
    'admissible',
  );
  return draft;
}

export async function workGrantedSinglePermit(
  platform: TestPlatform,
  p: Parties,
  options: { abroad?: boolean } = {},
) {
  const draft = await admissibleSinglePermit(platform, p, options);
  await expectStatus(
    p.flanders.post(dossierPath(draft.id, '/decisions'), {
      kind: 'work',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    }),
    201,
    'work granted',
  );
  return draft;
}

export async function grantedSinglePermit(
  platform: TestPlatform,
  p: Parties,
  options: { abroad?: boolean } = {},
) {
  const draft = await workGrantedSinglePermit(platform, p, options);
  await expectStatus(
    p.dvz.post(dossierPath(draft.id, '/decisions'), {
      kind: 'residence',
      outcome: 'granted',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    }),
    201,
    'residence granted',
  );
  return draft;
}

export interface InboxItem {
  id: string;
  event: string;
  dossierId: string;
  reference: string;
  decisionId: string;
  acknowledgedAt: string | null;
}

/** Every delivery in a caller's inbox (all pages). */
export async function inbox(client: Client, query = ''): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const res = await client.get(
      `/api/v1/deliveries?limit=200${sep}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (res.status !== 200) throw new Error(`inbox: ${res.status}`);
    items.push(...(res.body.items as InboxItem[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return items;
}

export const forDossier = (items: InboxItem[], dossierId: string) =>
  items.filter((i) => i.dossierId === dossierId);

/** The competent region declares a filed dossier admissible, then refuses the work with grounds. */
export async function refuseWork(region: Client, id: string, grounds: string) {
  await expectStatus(
    region.post(dossierPath(id, '/admissibility'), { outcome: 'admissible' }),
    200,
    'admissible',
  );
  return expectStatus(
    region.post(dossierPath(id, '/decisions'), { kind: 'work', outcome: 'refused', grounds }),
    201,
    'refusal',
  );
}
