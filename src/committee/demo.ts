import type { CommitteeBody } from '../contract/committee.js';
import type { AppDeps } from '../deps.js';
import { actorFor } from '../demo/parties.js';
import { legalDate, addDays } from '../platform/clock.js';
import { convene } from './meetings.js';
import { designate } from './members.js';

/** The demo account that designates for each body. */
const DESIGNATING_ACCOUNT: Record<CommitteeBody, string> = {
  dvz: 'dvz',
  flanders: 'flanders',
  wallonia: 'wallonia',
  brussels: 'brussels',
  ostbelgien: 'ostbelgien',
  onss: 'operator',
};

/**
 * A fictitious committee for demo mode: each body designates a representative and a substitute
 * through the real use case, and the secretariat convenes a meeting with an agenda to vote on.
 */
export async function seedDemoCommittee(deps: AppDeps): Promise<void> {
  const existing = await deps.db.selectFrom('committee_member').select('id').executeTakeFirst();
  if (existing) return;
  const today = legalDate(deps.clock.now());
  for (const [body, username] of Object.entries(DESIGNATING_ACCOUNT) as [CommitteeBody, string][]) {
    const actor = await actorFor(deps.db, username);
    await designate(deps, actor, {
      seat: 'representative',
      name: `Rita Representative ${body} (demo)`,
      designatedOn: '2026-01-01',
    });
    await designate(deps, actor, {
      seat: 'substitute',
      name: `Sam Substitute ${body} (demo)`,
      designatedOn: '2026-01-01',
    });
  }
  const secretariat = await actorFor(deps.db, 'committee');
  await convene(deps, secretariat, {
    heldOn: addDays(today, 7),
    title: 'Quarterly meeting (demo)',
    urgent: false,
    agenda: [
      { title: 'The platform’s operational figures', kind: 'information' },
      { title: 'Broad reading of Art. 25 for the inspection services', kind: 'decision' },
      { title: 'Cost report of the year', kind: 'decision' },
    ],
  });
}
