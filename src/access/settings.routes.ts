import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { actorOf } from '../identity/request.js';
import { INSPECTION_READINGS } from './policy.js';
import { policySettings, recordPolicySetting } from './settings.js';

const PolicySettingList = z
  .object({
    items: z.array(
      z.object({
        name: z.literal('inspection_reading'),
        value: z.enum(INSPECTION_READINGS),
        decision: z
          .object({ reference: z.string(), decidedOn: z.iso.date(), recordedAt: z.iso.datetime() })
          .nullable(),
      }),
    ),
  })
  .meta({
    id: 'PolicySettingList',
    description: 'Settings of the access policy left to a decision of the management committee (Art. 30 §2)',
  });

const readers = {
  who: 'signed_in',
  kinds: ['onss', 'inspection', 'regional_authority', 'dvz', 'management_committee'],
  why: 'the parties the settings concern, and those who oversee them, read what is in force',
} as const;

/** The access policy's settings: read by the parties concerned, recorded by the operator. */
export function policySettingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/policy-settings',
      {
        config: { permission: readers },
        schema: {
          tags: ['access'],
          summary: 'The settings of the access policy in force, each with the decision that fixed it',
          response: { 200: PolicySettingList },
        },
      },
      async () => ({ items: await policySettings(deps.db) }),
    );

    app.put(
      '/policy-settings/inspection_reading',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['onss'],
            why: 'the operator records the management committee’s decision (Art. 30 §2)',
          },
        },
        schema: {
          tags: ['access'],
          summary: 'Record the reading of Art. 25 the management committee decided',
          body: z
            .object({
              value: z.enum(INSPECTION_READINGS),
              decisionReference: z.string().trim().min(1).max(200),
              decidedOn: z.iso.date(),
            })
            .strict(),
          response: { 200: PolicySettingList },
        },
      },
      async (request) => ({
        items: await recordPolicySetting(deps.db, actorOf(request), deps.clock, request.body),
      }),
    );
    return Promise.resolve();
  };
}
