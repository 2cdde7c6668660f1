import type { AppDeps } from '../deps.js';
import type { Command } from '../identity/request.js';
import { legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { feeFor } from '../rules/fees.js';
import { performAction } from './acting.js';
import { feeStateOf } from './fee.js';

/** The examining authority records that the fee reached the collecting authority's account. */
export function confirmFeePayment(deps: AppDeps, command: Command, id: string) {
  return performAction(deps, command, id, 'confirm_fee_payment', ({ opened }) => {
    const { record } = opened;
    const { amountCents } = feeFor(record.procedure, record.category, legalDate(deps.clock.now()));
    const state = feeStateOf(record, amountCents);
    if (state === 'exempt') throw new AppError('fee_not_due');
    if (state === 'paid_confirmed') throw new AppError('fee_already_confirmed');
    // The amount confirmed is kept with the act: the rule table may change its amount later.
    return { amountCents };
  });
}
