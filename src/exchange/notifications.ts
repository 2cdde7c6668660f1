import type { Tx } from '../db/database.js';
import type { DossierRecord } from '../dossier/model/record.js';
import type { ActionRecord, DecisionRecord, Lifecycle } from '../dossier/model/lifecycle.js';
import type { ActionName } from '../contract/actions.js';
import { legalDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { isLanguage, type Language } from '../contract/language.js';
import { eboxAddress } from './messaging.js';
import { recordNotified } from './notified.js';
import {
  renderMessage,
  type DecisionText,
  type IssuedDocument,
  type StepText,
  type TextVars,
} from './notification-texts.js';

/*
 * Messages to applicants and workers for every step of a dossier (Art. 20 §5). They are written
 * to the `notification` outbox in the transaction of the step and sent by the dispatcher after
 * commit: a message that cannot be sent never undoes a decision, and a decision that rolls back
 * never sends one. The applicant organisation, and every mandatary acting for it on the dossier,
 * also keeps each message in its inbox (`inbox_message`, src/exchange/inbox.ts) and receives it in
 * its e-Box Enterprise when it has an enterprise number (docs/messaging.md); the person concerned
 * keeps each decision (`subject_message`, read through the gate in src/exchange/inbox.ts), written
 * in the same transaction. What each message says follows the access policy: the employer and its
 * mandataries learn only that a negative decision was taken; the whole decision, grounds
 * included, goes to the person concerned alone (Art. 24), through channels they confirmed.
 */

type Step =
  'filed' | 'documents_requested' | 'deadline_extended' | 'decision' | 'issued' | 'application_withdrawn';

const STEP_OF_ACTION: Partial<Record<ActionName, Step>> = {
  submit: 'filed',
  request_documents: 'documents_requested',
  extend_deadline: 'deadline_extended',
  declare_admissible: 'decision',
  declare_inadmissible: 'decision',
  decide_work: 'decision',
  decide_residence: 'decision',
  decide_professional_card: 'decision',
  withdraw_work: 'decision',
  withdraw_residence: 'decision',
  withdraw_professional_card: 'decision',
  end_residence: 'decision',
  record_issued: 'issued',
  withdraw_application: 'application_withdrawn',
};

export function decisionText(d: DecisionRecord): DecisionText {
  switch (d.kind) {
    case 'admissibility':
      return d.outcome === 'admissible' ? 'admissible' : 'inadmissible';
    case 'withdrawal':
      return `withdrawal_${d.of ?? 'work'}`;
    case 'end':
      return 'end_residence';
    case 'work':
    case 'residence':
    case 'professional_card':
      return `${d.kind}_${d.outcome === 'granted' ? 'granted' : 'refused'}`;
  }
}

function issuedDocument(record: DossierRecord, action: ActionRecord): IssuedDocument {
  if (action.relation === 'post') return 'visa_d';
  if (action.relation === 'municipality') return 'residence_document';
  return record.procedure === 'professional_card' ? 'professional_card' : 'work_permit';
}

interface Outgoing {
  role: 'applicant' | 'mandatary' | 'worker';
  userId: string | null;
  address: string;
  text: StepText;
  /** The user's own language; an e-Box or the form's address gets the dossier's. */
  language?: Language | undefined;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Queues the messages for one logged action, in the caller's transaction. */
export async function queueNotifications(
  tx: Tx,
  now: Date,
  record: DossierRecord,
  action: ActionRecord,
  lifecycle: Lifecycle,
): Promise<void> {
  const step = STEP_OF_ACTION[action.action];
  if (!step) return;
  const decision = lifecycle.decisions.find((d) => d.id === action.id);
  if (step === 'decision' && !decision) return;
  const applicant = await tx
    .selectFrom('organisation')
    .select(['kind', 'enterprise_number'])
    .where('id', '=', record.applicantOrganisationId)
    .executeTakeFirstOrThrow();
  // A self-employed person files about themselves: as the person concerned they get the whole text.
  const applicantIsSubject = applicant.kind === 'self_employed';
  const mandataries = await mandatariesOf(tx, record, now);

  // The employer's text; a mandatary acts for the employer and is told what the employer is told,
  // never the grounds of a negative decision (Art. 24), even for a self-employed applicant.
  const organisationText: StepText =
    step !== 'decision' ? step : decision?.negative ? 'negative_fact' : 'decision';
  const applicantText: StepText =
    step === 'decision' && applicantIsSubject ? 'decision_full' : organisationText;
  const told: {
    id: string;
    enterpriseNumber: string | null;
    role: 'applicant' | 'mandatary';
    text: StepText;
  }[] = [
    {
      id: record.applicantOrganisationId,
      enterpriseNumber: applicant.enterprise_number,
      role: 'applicant',
      text: applicantText,
    },
    ...mandataries.map((m) => ({
      id: m.id,
      enterpriseNumber: m.enterprise_number,
      role: 'mandatary' as const,
      text: organisationText,
    })),
  ];

  const outgoing: Outgoing[] = [];
  for (const org of told) {
    // The organisation's e-Box first, then each of its users' addresses.
    if (org.enterpriseNumber) {
      outgoing.push({
        role: org.role,
        userId: null,
        address: eboxAddress(org.enterpriseNumber),
        text: org.text,
      });
    }
    for (const u of await usersOf(tx, org.id)) {
      if (u.email)
        outgoing.push({
          role: org.role,
          userId: u.id,
          address: u.email,
          text: org.text,
          language: isLanguage(u.language) ? u.language : undefined,
        });
    }
  }
  if (step === 'decision' && decision) {
    // The whole decision only reaches a channel the worker controls, never an address of the
    // applicant or its mandatary (Art. 24): such an address has the organisation's text already.
    const organisations = new Set(outgoing.map((o) => addressKey(o.address)));
    for (const w of await workerChannels(tx, record)) {
      if (organisations.has(addressKey(w.address))) continue;
      const text = w.confirmed || !decision.negative ? 'decision_full' : 'decision_waiting';
      outgoing.push({ role: 'worker', userId: w.userId, address: w.address, text, language: w.language });
    }
  }
  const vars = await varsOf(tx, record, action, decision);
  const language: Language = isLanguage(record.language) ? record.language : 'en';
  // Each organisation's inbox keeps the message on the platform, whoever has an address.
  for (const org of told) {
    const forInbox = renderMessage(language, org.text, vars);
    // The whole decision (grounds included) is kept only for a text that carries it (Art. 24).
    const { full, ...withoutDecision } = vars;
    await tx
      .insertInto('inbox_message')
      .values({
        id: newId(),
        recipient_organisation_id: org.id,
        dossier_id: record.id,
        action_id: action.id,
        language,
        subject: forInbox.subject,
        body: forInbox.body,
        // Kept to render the message again in its reader's language (src/exchange/inbox.ts).
        text_kind: org.text,
        text_vars: JSON.stringify(
          org.text === 'decision_full' ? { ...withoutDecision, full } : withoutDecision,
        ),
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['action_id', 'recipient_organisation_id']).doNothing())
      .execute();
  }
  if (step === 'decision') {
    // The person concerned's copy on the platform, whether or not the form gave an address.
    const forSubject = renderMessage(language, 'decision_full', vars);
    await tx
      .insertInto('subject_message')
      .values({
        id: newId(),
        dossier_id: record.id,
        action_id: action.id,
        language,
        subject: forSubject.subject,
        body: forSubject.body,
        text_kind: 'decision_full',
        text_vars: JSON.stringify(vars),
        created_at: now,
      })
      .onConflict((oc) => oc.column('action_id').doNothing())
      .execute();
  }
  if (outgoing.length === 0) {
    // No address to send to: the letter reached its addressee in their inbox on the platform.
    if (decision)
      await recordNotified(tx, {
        decisionId: decision.id,
        dossierId: record.id,
        at: now,
        channel: 'platform',
      });
    return;
  }

  // One message per address: a worker's claimed account and the form's address may be the same.
  const byAddress = new Map<string, Outgoing>();
  for (const o of outgoing) {
    const key = addressKey(o.address);
    const kept = byAddress.get(key);
    if (!kept || (o.text === 'decision_full' && kept.text === 'decision_waiting')) byAddress.set(key, o);
  }
  for (const o of byAddress.values()) {
    const written = o.language ?? language;
    const { subject, body } = renderMessage(written, o.text, vars);
    await tx
      .insertInto('notification')
      .values({
        id: newId(),
        dossier_id: record.id,
        action_id: action.id,
        recipient_role: o.role,
        recipient_user_id: o.userId,
        address: o.address,
        language: written,
        subject,
        body,
        next_attempt_at: now,
        created_at: now,
        about_decision: step === 'decision',
      })
      .execute();
  }
}

/** Enabled users of an organisation who have an e-mail address. */
function usersOf(tx: Tx, organisationId: string) {
  return tx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.language'])
    .where('m.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .where('u.email', 'is not', null)
    .orderBy('u.id')
    .execute();
}

/**
 * The mandataries acting for the applicant on this dossier at `now`: a mandate for all of the
 * employer's dossiers or for this one, in force and not revoked (as the gate reads mandates,
 * src/identity/holdings.ts `activeMandates`).
 */
function mandatariesOf(tx: Tx, record: DossierRecord, now: Date) {
  return tx
    .selectFrom('mandate as m')
    .innerJoin('organisation as o', 'o.id', 'm.mandatary_organisation_id')
    .select(['o.id', 'o.enterprise_number'])
    .distinct()
    .where('m.employer_organisation_id', '=', record.applicantOrganisationId)
    .where((eb) => eb.or([eb('m.dossier_id', 'is', null), eb('m.dossier_id', '=', record.id)]))
    .where('m.revoked_at', 'is', null)
    .where('m.valid_from', '<=', now)
    .where((eb) => eb.or([eb('m.valid_until', 'is', null), eb('m.valid_until', '>', now)]))
    .where('o.kind', '=', 'mandatary')
    .orderBy('o.id')
    .execute();
}

const addressKey = (address: string) => address.trim().toLowerCase();

/**
 * The worker's addresses (Art. 20 §5), each marked confirmed when the worker has shown it is theirs:
 * the address of an account that claimed the dossier, and the form's address once a claim code sent
 * to it was confirmed. The form's address is typed by the applicant, so until then it may be anyone's.
 */
interface Channel {
  address: string;
  userId: string | null;
  confirmed: boolean;
  language?: Language | undefined;
}

async function workerChannels(tx: Tx, record: DossierRecord): Promise<Channel[]> {
  const accounts = await tx
    .selectFrom('dossier_subject as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.language'])
    .where('s.dossier_id', '=', record.id)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.id')
    .execute();
  const channels = accounts.flatMap((a): Channel[] =>
    a.email
      ? [
          {
            address: a.email,
            userId: a.id,
            confirmed: true,
            language: isLanguage(a.language) ? a.language : undefined,
          },
        ]
      : [],
  );
  const form = record.sections.residence?.email;
  if (form) {
    const claimed = await tx
      .selectFrom('dossier_claim')
      .select('id')
      .where('dossier_id', '=', record.id)
      .where('confirmed_at', 'is not', null)
      .executeTakeFirst();
    channels.push({ address: form, userId: null, confirmed: claimed !== undefined });
  }
  return channels;
}

async function varsOf(
  tx: Tx,
  record: DossierRecord,
  action: ActionRecord,
  decision: DecisionRecord | undefined,
): Promise<TextVars> {
  const authority = await tx
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', action.actorOrganisationId)
    .executeTakeFirstOrThrow();
  const date = legalDate(action.at);
  const p = action.payload;
  return {
    reference: record.reference,
    date,
    authority: authority.name,
    dueDate: str(p.dueDate),
    days: typeof p.days === 'number' ? String(p.days) : undefined,
    issuedOn: str(p.issuedOn),
    document: issuedDocument(record, action),
    ...(decision && {
      decision: decisionText(decision),
      validFrom: decision.validFrom,
      validUntil: decision.validUntil,
      full: {
        decision: decisionText(decision),
        authority: authority.name,
        date,
        legalBasis: decision.legalBasis,
        validFrom: decision.validFrom,
        validUntil: decision.validUntil,
        grounds: decision.negative ? decision.grounds : undefined,
        appeal: decision.negative ? (decision.relation === 'dvz' ? 'residence' : 'regional') : undefined,
      },
    }),
  };
}
