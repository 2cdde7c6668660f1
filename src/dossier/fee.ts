import type { FeeView } from '../contract/views.js';
import {
  collectingAccountFor,
  DEMO_COLLECTING_ACCOUNTS,
  type CollectingAccount,
} from '../rules/collecting-accounts.js';
import { epcPayload } from '../rules/epc-qr.js';
import { feeFor, paymentReferenceFor } from '../rules/fees.js';
import type { DossierRecord } from './model/record.js';

/*
 * Paying the fee (Art. 18 §1 1°, R-FILE-7): the amount from the rule table, the account of the
 * collecting authority with the structured communication and its EPC QR code, the proof the
 * applicant uploads, and the examining authority's confirmation that the money arrived — a
 * logged action, so the fee's state is, like everything else, a fold of the log.
 */

// The installation's accounts, set once at start (buildApp): the many callers of the view pass a
// database and a clock, not the configuration. Outside a configured process the demo ones apply.
let configured: readonly CollectingAccount[] = DEMO_COLLECTING_ACCOUNTS;

/** Sets the accounts the fee page shows (config.collectingAccounts). */
export function useCollectingAccounts(accounts: readonly CollectingAccount[]): void {
  configured = accounts;
}

export type FeeState = FeeView['state'];

/** Where the fee stands: nothing due, due, a proof uploaded, or its receipt confirmed by the authority. */
export function feeStateOf(record: DossierRecord, amountCents: number): FeeState {
  if (amountCents === 0) return 'exempt';
  if (record.actions.some((a) => a.action === 'confirm_fee_payment')) return 'paid_confirmed';
  if (record.documents.some((d) => d.type === 'fee_proof')) return 'proof_uploaded';
  return 'due';
}

/** The fee as its payer and its examiner see it; only the account's public fields leave the table. */
export function feeView(record: DossierRecord, today: string): FeeView {
  const { amountCents, legalSource } = feeFor(record.procedure, record.category, today);
  const paymentReference = paymentReferenceFor(record.reference);
  const account =
    amountCents > 0 ? collectingAccountFor(configured, record.procedure, record.region, today) : undefined;
  return {
    amountCents,
    legalSource,
    paymentReference,
    state: feeStateOf(record, amountCents),
    payTo: account ? { beneficiary: account.beneficiary, iban: account.iban, bic: account.bic } : null,
    epcQr: account
      ? epcPayload({
          bic: account.bic,
          beneficiary: account.beneficiary,
          iban: account.iban,
          amountCents,
          structuredReference: paymentReference,
        })
      : null,
  };
}
