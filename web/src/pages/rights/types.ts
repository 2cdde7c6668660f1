import type { RightsRequestView } from '../../../../src/contract/rights';

/** The kinds of request, in the order the form offers them (GDPR 15-21). */
export const KINDS = [
  'access',
  'portability',
  'rectification',
  'restriction',
  'erasure',
  'objection',
  'notification_of_recipients',
] as const;
export type Kind = (typeof KINDS)[number];

export type RightsRequest = RightsRequestView;
export type RightsPart = RightsRequest['parts'][number];

export const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);
