import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { auditHead, headSignatureHolds } from './audit.js';
import { latestPublishedHead, readPublishedHeads, verifyWithPublishedHeads } from './heads.js';
import { AuditVerification } from '../contract/oversight.js';
import { actorOf } from '../identity/request.js';
import { AppError } from '../platform/errors.js';

const Head = z.object({
  seq: z.number().int().describe('The sequence number of the head row'),
  hash: z.string().describe('Its hash (hex): HMAC-SHA-256 under the audit key for keyed rows'),
  at: z.iso.datetime({ offset: true }).describe('When the head row was recorded'),
});

const AuditHead = z
  .object({
    published: Head.extend({
      publishedAt: z.iso.datetime({ offset: true }),
      signatureValid: z.boolean().describe('Whether the head carries a valid signature under the audit key'),
    })
      .nullable()
      .describe('The newest head published outside the database (AUDIT_HEAD_DIR), null before the first'),
    current: Head.nullable().describe('The head of the chain in the database now'),
  })
  .meta({
    id: 'AuditHead',
    description:
      'The head of the audit chain as last published outside the database, beside the head in the ' +
      'database: the operator compares them and anchors the published one elsewhere',
  });

/** The operator reads the latest published head of the audit trail (issue 12, docs/security.md). */
export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/audit/head',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['onss'],
            why: 'the operator watches that the audit trail is published and anchors its head',
          },
        },
        schema: {
          tags: ['audit'],
          summary: 'The latest published head of the audit trail, and the current one',
          response: { 200: AuditHead },
        },
      },
      async () => {
        const published = latestPublishedHead(deps.config.auditHeadDir);
        return {
          published: published && {
            seq: published.seq,
            hash: published.hash,
            at: published.at,
            publishedAt: published.publishedAt,
            signatureValid: headSignatureHolds(published, deps.config.auditKey),
          },
          current: await auditHead(deps.db),
        };
      },
    );

    app.get(
      '/audit/verification',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['onss', 'regional_authority', 'dvz'],
            why: 'the operator and the controllers’ data protection officers check the trail is intact',
          },
        },
        schema: {
          tags: ['audit'],
          summary: 'Verify the whole audit trail now, against the heads published outside the database',
          response: { 200: AuditVerification },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        // Of a controller, only its DPO: its case officers have no business with the trail.
        if (actor.organisation.kind !== 'onss' && !actor.roles.includes('dpo'))
          throw new AppError('oversight_only');
        const dir = deps.config.auditHeadDir;
        const result = await verifyWithPublishedHeads(deps.db, deps.config.auditKey, dir);
        const headsFailed =
          !result.ok && ['head_forged', 'head_mismatch', 'tail_missing'].includes(result.reason);
        return {
          intact: result.ok,
          entries: result.entries,
          head: result.ok ? result.head : null,
          publishedHeads: { checked: readPublishedHeads(dir).heads.length, agree: !headsFailed },
          brokenAt: result.ok ? null : result.brokenAt,
          reason: result.ok ? null : result.reason,
          verifiedAt: deps.clock.now().toISOString(),
        };
      },
    );
    return Promise.resolve();
  };
}
