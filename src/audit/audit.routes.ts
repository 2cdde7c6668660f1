import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { auditHead, headSignatureHolds } from './audit.js';
import { latestPublishedHead } from './heads.js';

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
    return Promise.resolve();
  };
}
