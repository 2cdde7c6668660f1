import type { Tx } from '../db/database.js';

/*
 * When a decision reached its addressee through the platform (lifecycle.md §1, `notifiedAt`): the
 * first message about it that was sent (e-mail or e-Box), or, when it has no address to go to, the
 * moment it was put in the addressee's inbox on the platform. The retention periods of Art. 27 that
 * run from a notification start there, not at the decision.
 */

export type NotificationChannel = 'email' | 'ebox' | 'platform';

/** Records the first time the decision reached its addressee; later messages change nothing. */
export async function recordNotified(
  tx: Tx,
  input: { decisionId: string; dossierId: string; at: Date; channel: NotificationChannel },
): Promise<void> {
  await tx
    .insertInto('decision_notification')
    .values({
      decision_id: input.decisionId,
      dossier_id: input.dossierId,
      notified_at: input.at,
      channel: input.channel,
    })
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .execute();
}
