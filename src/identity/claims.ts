import { randomInt } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import type { Actor } from './actor.js';
import { AppError } from '../platform/errors.js';
import { newId, sha256 } from '../platform/ids.js';
import type { Language, Translations } from '../contract/language.js';
import { matchClaim } from '../access/claim-match.js';
import { admitCounted, clearCounted, type BackOffRule } from './throttle.js';

export const CLAIM_VALIDITY_MS = 15 * 60 * 1000;
export const CLAIM_MAX_ATTEMPTS = 5;

/**
 * Each claim mails a fresh code, so claims are counted per dossier reference (the worker's mailbox),
 * per user and per client address; past the count each further claim waits twice as long as the
 * one before. Held back, a claim mails nothing and records nothing. A confirmed claim clears the
 * user's count, so a worker following several dossiers claims them one after the other.
 */
export const CLAIM_BACK_OFF = {
  reference: { after: 5, baseSeconds: 60, capSeconds: 15 * 60 },
  user: { after: 5, baseSeconds: 60, capSeconds: 15 * 60 },
  client: { after: 20, baseSeconds: 1, capSeconds: 60 },
} as const satisfies Record<string, BackOffRule>;

const SUBJECT: Translations = {
  nl: 'Uw code voor Working in Belgium',
  fr: 'Votre code pour Working in Belgium',
  de: 'Ihr Code für Working in Belgium',
  en: 'Your code for Working in Belgium',
};

const BODY: Translations = {
  nl: 'Met deze code kunt u dossier {reference} volgen: {code}. De code vervalt na 15 minuten. Hebt u hem niet aangevraagd, negeer dan dit bericht.',
  fr: 'Ce code vous permet de suivre le dossier {reference} : {code}. Il expire après 15 minutes. Si vous ne l’avez pas demandé, ignorez ce message.',
  de: 'Mit diesem Code können Sie das Dossier {reference} verfolgen: {code}. Er verfällt nach 15 Minuten. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht.',
  en: 'With this code you can follow dossier {reference}: {code}. It expires after 15 minutes. If you did not ask for it, ignore this message.',
};

/**
 * Step 1 of a worker claiming their dossier (Art. 24, 28): the details they give must match what
 * the applicant declared, and a one-time code goes to the e-mail address in the dossier. The answer
 * is the same whether or not anything matched, so the form cannot be used to probe for dossiers.
 */
export async function startClaim(
  deps: AppDeps,
  actor: Actor,
  input: { reference: string; passportNumber: string; birthDate: string },
  language: Language,
  client: string,
): Promise<{ claimId: string; expiresAt: string }> {
  const admission = await admitCounted(deps.db, deps.clock, [
    { scope: 'claim_reference', subject: input.reference.toUpperCase(), rule: CLAIM_BACK_OFF.reference },
    { scope: 'claim_user', subject: actor.userId, rule: CLAIM_BACK_OFF.user },
    { scope: 'claim_client', subject: client, rule: CLAIM_BACK_OFF.client },
  ]);
  if (!admission.admitted)
    throw new AppError('too_many_attempts', { retryAfterSeconds: admission.retryAfterSeconds });
  const now = deps.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const claimId = newId();
  const expiresAt = new Date(now.getTime() + CLAIM_VALIDITY_MS);
  const match = await deps.db.transaction().execute(async (tx) => {
    const matched = await matchClaim(tx, input);
    await tx
      .insertInto('dossier_claim')
      .values({
        id: claimId,
        user_id: actor.userId,
        dossier_id: matched?.dossierId ?? null,
        code_hash: matched ? sha256(`${claimId}:${code}`) : null,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    return matched;
  });
  if (match?.email) {
    await deps.messaging.send({
      to: match.email,
      language,
      subject: SUBJECT[language],
      body: BODY[language].replace('{reference}', match.reference).replace('{code}', code),
    });
  }
  return { claimId, expiresAt: expiresAt.toISOString() };
}

/** Step 2: the code from the e-mail makes the caller the dossier's subject; answers which dossier. */
export async function confirmClaim(
  deps: AppDeps,
  actor: Actor,
  claimId: string,
  code: string,
): Promise<string> {
  const now = deps.clock.now();
  // The attempt counts even when the code is wrong, so it is committed before the comparison.
  const claim = await deps.db
    .updateTable('dossier_claim')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', claimId)
    .where('user_id', '=', actor.userId)
    .where('confirmed_at', 'is', null)
    .returning(['dossier_id', 'code_hash', 'attempts', 'expires_at'])
    .executeTakeFirst();
  const valid =
    claim?.dossier_id &&
    claim.code_hash === sha256(`${claimId}:${code}`) &&
    claim.attempts <= CLAIM_MAX_ATTEMPTS &&
    claim.expires_at > now;
  if (!claim?.dossier_id || !valid) throw new AppError('claim_code_invalid');
  const dossierId = claim.dossier_id;
  const confirmed = await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('dossier_claim').set({ confirmed_at: now }).where('id', '=', claimId).execute();
    await tx
      .insertInto('dossier_subject')
      .values({ dossier_id: dossierId, user_id: actor.userId, claimed_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await appendAudit(tx, actedBy(actor, now, 'dossier_claimed', { dossierId }));
    return dossierId;
  });
  await clearCounted(deps.db, 'claim_user', actor.userId);
  return confirmed;
}
