import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { deadlineRule } from './deadlines.js';
import {
  ACCEPTED_MEDIA_TYPES,
  DOCUMENT_CATEGORY,
  MAX_DOCUMENT_BYTES,
  requiredDocuments,
} from './documents.js';
import { feeFor } from './fees.js';
import { CATEGORIES, PROCEDURES } from '../contract/procedures.js';
import { CATEGORY_RULES, isCategoryOf } from './procedures.js';
import { REGIONAL_AUTHORITIES, localitiesOfPostcode, regionOfPostcode } from './regions.js';
import { REGIONS } from '../contract/regions.js';

/**
 * The rule tables, read-only and public: what the law asks does not depend on who asks, and a
 * person should see what a complete application needs before signing in. Nothing here is about a
 * person, so query strings are fine (the postcode is the workplace's, not the worker's).
 */

const anyone = { permission: { who: 'anyone' } } as const;
const tags = ['rules'];

/** Query flags arrive as text; only the literal words count, so a typo is an error, not a `false`. */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const AuthorityView = z.object({ name: z.string(), legalSource: z.string() });

export const ChecklistQuery = z
  .object({
    procedure: z.enum(PROCEDURES),
    category: z.enum(CATEGORIES),
    region: z.enum(REGIONS).optional(),
    abroad: flag.optional(),
    posted: flag.optional(),
    hasEnterpriseNumber: flag.optional(),
    longTermMobility: flag.optional(),
    renewal: flag.optional(),
  })
  .strict();

/** Documents whose content is a special category of personal data (Art. 9-10 GDPR; Art. 15-17 CA). */
const SPECIAL = { health: 'health', criminal: 'criminal' } as const;

export function rulesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const today = () => legalDate(deps.clock.now());
  return (app) => {
    app.get(
      '/rules/categories',
      {
        config: anyone,
        schema: {
          tags,
          summary: 'The categories of Art. 4 and the procedure each is filed under, with the legal source',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  category: z.enum(CATEGORIES),
                  procedure: z.enum(PROCEDURES),
                  legalSource: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async () =>
        Promise.resolve({
          items: CATEGORY_RULES.map((r) => ({
            category: r.category,
            procedure: r.procedure,
            legalSource: r.legalSource,
          })),
        }),
    );

    app.get(
      '/rules/region',
      {
        config: anyone,
        schema: {
          tags,
          summary: 'The region competent for a workplace postcode (R-PROC-4), and its authority',
          querystring: z
            .object({
              postcode: z
                .string()
                .trim()
                .regex(/^\d{4}$/),
            })
            .strict(),
          response: {
            200: z.object({
              postcode: z.string(),
              region: z.enum(REGIONS),
              localities: z.array(z.string()),
              authority: AuthorityView,
            }),
          },
        },
      },
      async (request) => {
        const { postcode } = request.query;
        const region = regionOfPostcode(postcode, today());
        if (!region) {
          throw new AppError('validation_failed', {
            errors: [{ field: 'query.postcode', code: 'unknown_postcode' }],
          });
        }
        const authority = REGIONAL_AUTHORITIES[region];
        return Promise.resolve({
          postcode,
          region,
          localities: localitiesOfPostcode(postcode),
          authority: { name: authority.names[request.language], legalSource: authority.legalSource },
        });
      },
    );

    app.get(
      '/rules/checklist',
      {
        config: anyone,
        schema: {
          tags,
          summary:
            'What a complete application needs: documents with their legal source, the fee, the deadline',
          description:
            'The same rule tables the submission check uses (Art. 20 §1, R-FILE-2). Without a region only ' +
            'the rows that hold everywhere are listed; an unanswered question adds no document.',
          querystring: ChecklistQuery,
          response: {
            200: z.object({
              procedure: z.enum(PROCEDURES),
              category: z.enum(CATEGORIES),
              region: z.enum(REGIONS).nullable(),
              documents: z.array(
                z.object({
                  documentType: z.string(),
                  dataCategory: z.string(),
                  special: z.enum(['health', 'criminal']).nullable(),
                  legalSource: z.string(),
                }),
              ),
              fee: z.object({ amountCents: z.number().int(), legalSource: z.string() }),
              decisionDays: z.number().int(),
              deadlineLegalSource: z.string(),
              acceptedMediaTypes: z.array(z.string()),
              maxDocumentBytes: z.number().int(),
            }),
          },
        },
      },
      async (request) => {
        const q = request.query;
        if (!isCategoryOf(q.procedure, q.category)) {
          throw new AppError('validation_failed', {
            errors: [{ field: 'query.category', code: 'category_not_of_procedure' }],
          });
        }
        const on = today();
        const documents = requiredDocuments({
          procedure: q.procedure,
          category: q.category,
          region: q.region,
          facts: {
            abroad: q.abroad,
            posted: q.posted,
            hasEnterpriseNumber: q.hasEnterpriseNumber,
            longTermMobility: q.longTermMobility,
            renewal: q.renewal,
          },
          on,
        });
        const deadline = deadlineRule(q.procedure, on, q.category);
        return Promise.resolve({
          procedure: q.procedure,
          category: q.category,
          region: q.region ?? null,
          documents: documents.map((d) => {
            const dataCategory = DOCUMENT_CATEGORY[d.documentType];
            return {
              documentType: d.documentType,
              dataCategory,
              special:
                dataCategory === 'health' || dataCategory === 'criminal' ? SPECIAL[dataCategory] : null,
              legalSource: d.legalSource,
            };
          }),
          fee: feeFor(q.procedure, q.category, on),
          decisionDays: deadline.decisionDays,
          deadlineLegalSource: deadline.legalSource,
          acceptedMediaTypes: [...ACCEPTED_MEDIA_TYPES],
          maxDocumentBytes: MAX_DOCUMENT_BYTES,
        });
      },
    );
    return Promise.resolve();
  };
}
