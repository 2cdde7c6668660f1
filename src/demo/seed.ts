import { STATES, type DossierState } from '../contract/states.js';
import type { Command } from '../identity/request.js';
/* eslint-disable no-console -- the demo prints its address and accounts for the person who started it */
import type { AppDeps } from '../deps.js';
import { countDossiers } from '../access/records.js';
import { addDocument } from '../documents/documents.service.js';
import { createDossier, submitDossier } from '../dossier/drafting.js';
import { decideAdmissibility, requestDocuments } from '../dossier/examination.js';
import { decide, recordIssued, withdrawApplication } from '../dossier/decisions.js';
import { addDays, FixedClock, legalDate } from '../platform/clock.js';
import {
  DEMO_PDF,
  documentsToUpload,
  singlePermitSections,
  withPassportExpiringDuringStay,
  type WorkerSeed,
} from './fixtures.js';
import { actorFor, DEMO_ACCOUNTS, seedParties, type DemoDirectory } from './parties.js';
import { seedDemoCommittee } from '../committee/demo.js';

/** The demo's dossiers: one in every state, a draft ready to file, and a withdrawn application. */
type Step = Exclude<DossierState, 'withdrawn_by_applicant'> | 'complete' | 'withdrawn';

/** Drives one fictitious single permit through the real use cases up to `target`. */
async function demoDossier(deps: AppDeps, dir: DemoDirectory, worker: WorkerSeed, target: Step) {
  const as = async (username: string): Promise<Command> => ({
    actor: await actorFor(deps.db, username),
    idempotencyKey: undefined,
    route: 'demo',
    request: undefined,
  });
  const employer = await as('employer');
  const sections = singlePermitSections(worker, {
    visaPost: dir.organisations.post ?? '',
    municipality: dir.organisations.municipality ?? '',
    employerSerial: 1,
  });
  const created = await createDossier(
    deps,
    employer,
    {
      procedure: 'single_permit',
      category: 'single_permit',
      ...(target === 'draft' ? { identity: sections.identity } : {}),
      sections: target === 'draft' ? { identity: sections.identity } : sections,
    },
    'nl',
  );
  const id = created.body.id;
  if (target === 'draft') return;
  const today = legalDate(deps.clock.now());
  for (const type of documentsToUpload({
    procedure: 'single_permit',
    category: 'single_permit',
    postcode: worker.workplacePostcode,
    abroad: worker.abroad,
    on: today,
  })) {
    await addDocument(deps, employer, id, { type, fileName: `${type}.pdf`, content: DEMO_PDF });
  }
  if (target === 'complete') return;
  if (target === 'withdrawn') {
    await submitDossier(deps, employer, id);
    await withdrawApplication(deps, employer, id, {
      reason: 'The candidate accepted another offer (demo).',
    });
    return;
  }
  const region = await as('flanders');
  const dvz = await as('dvz');
  await submitDossier(deps, employer, id);
  if (target === 'filed') return;
  if (target === 'incomplete') {
    await requestDocuments(deps, region, id, {
      dueDate: addDays(today, 15),
      items: [{ documentType: 'diploma', description: 'Copy of the highest diploma' }],
    });
    return;
  }
  if (target === 'inadmissible') {
    await decideAdmissibility(deps, region, id, {
      outcome: 'inadmissible',
      grounds: 'The contract is not signed (demo grounds).',
    });
    return;
  }
  await decideAdmissibility(deps, region, id, { outcome: 'admissible' });
  if (target === 'admissible') return;
  if (target === 'work_refused') {
    await decide(deps, region, id, {
      kind: 'work',
      outcome: 'refused',
      grounds: 'The salary is below the threshold (demo grounds).',
    });
    return;
  }
  await decide(deps, region, id, {
    kind: 'work',
    outcome: 'granted',
    validFrom: '2027-02-01',
    validUntil: '2028-01-31',
  });
  if (target === 'work_granted') return;
  if (target === 'work_withdrawn') {
    await decide(deps, region, id, {
      kind: 'withdrawal',
      of: 'work',
      grounds: 'The employment ended (demo grounds).',
    });
    return;
  }
  if (target === 'residence_refused') {
    await decide(deps, dvz, id, {
      kind: 'residence',
      outcome: 'refused',
      grounds: 'Public order (demo grounds).',
    });
    return;
  }
  await decide(deps, dvz, id, {
    kind: 'residence',
    outcome: 'granted',
    validFrom: '2027-02-01',
    validUntil: '2028-01-31',
  });
  if (target === 'residence_granted') return;
  if (target === 'residence_withdrawn') {
    await decide(deps, dvz, id, {
      kind: 'withdrawal',
      of: 'residence',
      grounds: 'The conditions are no longer met (demo grounds).',
    });
    return;
  }
  if (target === 'residence_ended') {
    await decide(deps, dvz, id, {
      kind: 'end',
      of: 'residence',
      grounds: 'The worker left Belgium (demo grounds).',
    });
    return;
  }
  const issuer = await as(worker.abroad ? 'post' : 'municipality');
  await recordIssued(deps, issuer, id, { issuedOn: today, documentNumber: `DEMO-${worker.serial}` });
}

const DEMO_TARGETS: readonly Step[] = STATES.flatMap((state): Step[] => {
  if (state === 'draft') return ['draft', 'complete'];
  return state === 'withdrawn_by_applicant' ? ['withdrawn'] : [state];
});

const NATIONALITIES = [
  'IN',
  'MA',
  'BR',
  'PH',
  'NG',
  'TR',
  'US',
  'CN',
  'VN',
  'CO',
  'UA',
  'JP',
  'EG',
  'CA',
  'KE',
];

/** When the demo's older filing was made: before the platform refused a passport that ends before the stay. */
const BEFORE_PASSPORT_CHECK = new Date('2026-10-12T09:00:00Z');

/**
 * A Flemish single permit filed before the passport check existed, whose passport expires during
 * the requested employment: the Flemish case officer sees the automated check's finding.
 */
async function filedWithExpiringPassport(deps: AppDeps, dir: DemoDirectory, serial: number) {
  const then = { ...deps, clock: new FixedClock(BEFORE_PASSPORT_CHECK) };
  const employer = {
    actor: await actorFor(deps.db, 'employer'),
    idempotencyKey: undefined,
    route: 'demo',
    request: undefined,
  };
  const worker = {
    serial,
    givenNames: `Demo ${serial}`,
    familyName: 'Voorbeeld-Exemple',
    nationality: 'PE',
    abroad: true,
    workplacePostcode: '9000',
  };
  const sections = withPassportExpiringDuringStay(
    singlePermitSections(worker, {
      visaPost: dir.organisations.post ?? '',
      municipality: dir.organisations.municipality ?? '',
      employerSerial: 1,
    }),
  );
  const created = await createDossier(
    then,
    employer,
    { procedure: 'single_permit', category: 'single_permit', sections },
    'nl',
  );
  const id = created.body.id;
  for (const type of documentsToUpload({
    procedure: 'single_permit',
    category: 'single_permit',
    postcode: worker.workplacePostcode,
    abroad: worker.abroad,
    on: legalDate(BEFORE_PASSPORT_CHECK),
  })) {
    await addDocument(then, employer, id, { type, fileName: `${type}.pdf`, content: DEMO_PDF });
  }
  await submitDossier(then, employer, id);
}

/**
 * Demo mode: the parties, then fictitious dossiers, one in every state, and an older filing whose
 * passport ends during the stay (only on an empty platform).
 */
export async function seedDemo(deps: AppDeps): Promise<DemoDirectory> {
  const dir = await seedParties(deps.db);
  if ((await countDossiers(deps.db)) > 0) return dir;
  for (const [i, target] of DEMO_TARGETS.entries()) {
    await demoDossier(
      deps,
      dir,
      {
        serial: i + 1,
        givenNames: `Demo ${i + 1}`,
        familyName: 'Voorbeeld-Exemple',
        nationality: NATIONALITIES[i] ?? 'IN',
        abroad: i % 3 !== 2,
        workplacePostcode: '2000',
      },
      target,
    );
  }
  await filedWithExpiringPassport(deps, dir, DEMO_TARGETS.length + 1);
  await seedDemoCommittee(deps);
  return dir;
}

export function printDemoWelcome(address: string, _dir: DemoDirectory): void {
  console.log(`\nSingle Window demo is running at ${address}`);
  console.log(`  API reference: ${address}/api/docs`);
  console.log('  Demo accounts (password "demo" for each):');
  for (const account of DEMO_ACCOUNTS) console.log(`    ${account.username.padEnd(13)} ${account.name}`);
  console.log('  All data is fictitious. Stop with Ctrl+C.\n');
}
