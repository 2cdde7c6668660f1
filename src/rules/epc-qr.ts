/*
 * The text of the European Payments Council's QR code for a SEPA credit transfer (EPC069-12,
 * "Quick Response Code: guidelines to enable data capture for the initiation of a SEPA credit
 * transfer", version 002): a banking app that scans it fills in the beneficiary, account, amount
 * and structured communication, so nothing is retyped.
 */

export interface EpcTransfer {
  bic: string;
  beneficiary: string;
  iban: string;
  amountCents: number;
  /** The Belgian structured communication, in any spelling `+++123/4567/89012+++`. */
  structuredReference: string;
}

/**
 * The lines in the order EPC069-12 fixes, separated by a line feed:
 *  1 service tag `BCD`, 2 version `002`, 3 character set `1` (UTF-8), 4 identification `SCT`,
 *  5 BIC, 6 beneficiary name (≤ 70), 7 IBAN, 8 amount `EUR` + euros with a dot (0.01 – 999999999.99),
 *  9 purpose (empty), 10 structured remittance: the 12 digits of the Belgian structured
 *  communication, as Belgian banks read it there. Lines 11 (unstructured remittance, which
 *  excludes line 10) and 12 (a note to the payer) stay empty and, being last, are left out.
 */
export function epcPayload(t: EpcTransfer): string {
  if (!Number.isInteger(t.amountCents) || t.amountCents < 1 || t.amountCents > 99_999_999_999)
    throw new RangeError('an EPC transfer is between EUR 0.01 and EUR 999999999.99');
  const digits = t.structuredReference.replace(/\D/g, '');
  if (digits.length !== 12) throw new RangeError('a structured communication has 12 digits');
  const euros = `${String(Math.floor(t.amountCents / 100))}.${String(t.amountCents % 100).padStart(2, '0')}`;
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    t.bic,
    t.beneficiary.slice(0, 70),
    t.iban.replace(/\s/g, ''),
    `EUR${euros}`,
    '',
    digits,
  ];
  return lines.join('\n');
}
