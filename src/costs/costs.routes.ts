import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CostKey, CostKeyInput, CostLine, CostLineInput, CostPeriod, CostReport } from '../contract/costs.js';
import { LANGUAGES } from '../contract/language.js';
import type { AppDeps } from '../deps.js';
import { actorOf } from '../identity/request.js';
import { addCostLine, costReport, setCostKey } from './costs.js';
import { costReportCsv, costReportPdf } from './report-output.js';

const parties = {
  who: 'signed_in',
  kinds: ['management_committee', 'dvz', 'regional_authority', 'onss'],
  why: 'the committee, and the parties that share the costs (Art. 33) with the operator that incurs them',
} as const;

const secretariat = {
  who: 'signed_in',
  kinds: ['management_committee'],
  why: 'the committee’s secretariat records cost lines and the key the committee sets (Art. 30 §2, 33); the role is checked per call',
} as const;

/** The cost report of Art. 33: lines per period and phase, the key, the report in four languages. */
export function costRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const tags = ['costs'];
  return (app) => {
    app.post(
      '/costs/lines',
      {
        config: { permission: secretariat },
        schema: {
          tags,
          summary: 'Enter a cost line of a period',
          body: CostLineInput,
          response: { 201: CostLine },
        },
      },
      async (request, reply) => reply.code(201).send(await addCostLine(deps, actorOf(request), request.body)),
    );

    app.put(
      '/costs/keys/:period',
      {
        config: { permission: secretariat },
        schema: {
          tags,
          summary:
            'Record the key of a period: the federal share per scope and how the regions split the rest',
          params: z.object({ period: CostPeriod }),
          body: CostKeyInput,
          response: { 200: CostKey },
        },
      },
      async (request) => setCostKey(deps, actorOf(request), request.params.period, request.body),
    );

    app.get(
      '/costs/reports/:period',
      {
        config: { permission: parties },
        schema: {
          tags,
          summary: 'The cost report of a period: JSON, `format=csv`, or `format=pdf` in the language asked',
          params: z.object({ period: CostPeriod }),
          querystring: z
            .object({
              format: z.enum(['json', 'csv', 'pdf']).default('json'),
              // A download link cannot set Accept-Language: the portal names its page's language.
              language: z.enum(LANGUAGES).optional(),
            })
            .strict(),
          response: {
            200: {
              description: 'The report',
              content: {
                'application/json': { schema: CostReport },
                'text/csv': { schema: z.string() },
                'application/pdf': { schema: z.string() },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const report = await costReport(deps.db, request.params.period);
        const name = `cost-report-${report.period}`;
        if (request.query.format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(costReportCsv(report));
        }
        if (request.query.format === 'pdf') {
          const language = request.query.language ?? request.language;
          const pdf = await costReportPdf(report, language, deps.clock.now());
          return reply
            .type('application/pdf')
            .header('content-disposition', `attachment; filename="${name}-${language}.pdf"`)
            .send(Buffer.from(pdf) as never);
        }
        return report;
      },
    );
    return Promise.resolve();
  };
}
