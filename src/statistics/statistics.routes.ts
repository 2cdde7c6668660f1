import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayReadEurostat, regionForFigures, statisticsScope } from '../access/statistics.js';
import {
  AGE_BANDS,
  DASHBOARD_MEASURES,
  DashboardQuery,
  DashboardView,
  EurostatIndexView,
  OpenDataView,
} from '../contract/statistics.js';
import type { AppDeps } from '../deps.js';
import { actorOf } from '../identity/request.js';
import { legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { CITIZENSHIPS, EX_OFFICIO_CATEGORIES } from '../rules/statistics-codes.js';
import { toCsv } from './csv.js';
import { dashboard } from './dashboard.js';
import { csvOf, DATASETS, eurostatYear, indexOf } from './eurostat.js';
import { openData, openDataCsv } from './open-data.js';

const figures = {
  who: 'signed_in',
  kinds: ['dvz', 'regional_authority', 'management_committee'],
  why: 'Art. 31-32: DVZ and the regions read the statistics (a region its own), the committee oversees (Art. 30); checked per call in access/statistics.ts',
} as const;

const publicFigures = {
  who: 'anyone',
  why: 'open data (lifecycle.md §3): yearly aggregates with small cells suppressed, no personal data',
} as const;

const Year = z.coerce.number().int().min(2000).max(2100);

const wantsCsv = (request: FastifyRequest, format: string | undefined) =>
  format === 'csv' || (format === undefined && (request.headers.accept ?? '').includes('text/csv'));

const sendCsv = (reply: FastifyReply, name: string, body: string) =>
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(body);

export function statisticsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const tags = ['statistics'];
  return (app) => {
    app.get(
      '/statistics/dashboard',
      {
        config: { permission: figures },
        schema: {
          tags,
          summary:
            'Aggregates of the anonymous facts by month, procedure, category, nationality, sex, age band or region',
          description:
            'A region reads its own figures only; `format=csv` or `Accept: text/csv` answers the table as CSV.',
          querystring: DashboardQuery,
          response: { 200: DashboardView },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const region = await regionForFigures(actorOf(request), q.region);
        const today = legalDate(deps.clock.now()).slice(0, 7);
        const to = q.to ?? today;
        const from = q.from ?? lastYearFrom(to);
        if (from > to)
          throw new AppError('validation_failed', { errors: [{ field: 'from', code: 'end_before_start' }] });
        const view = await dashboard(deps.db, { ...q, from, to, region });
        if (wantsCsv(request, q.format)) {
          const rows = [...view.rows, view.total].map((r) => [r.key, ...DASHBOARD_MEASURES.map((m) => r[m])]);
          return sendCsv(
            reply,
            `dashboard-${view.by}-${from}-${to}`,
            toCsv([view.by, ...DASHBOARD_MEASURES], rows),
          );
        }
        return view;
      },
    );

    app.post(
      '/statistics/ex-officio-admissions',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['regional_authority'],
            why: 'Art. 32 4°: the region notes a person admitted to work ex officio',
          },
        },
        schema: {
          tags,
          summary:
            'Notes a person admitted to work ex officio (royal decree of 2 September 2018), as an anonymous fact',
          body: z
            .object({
              category: z.enum(EX_OFFICIO_CATEGORIES.map((c) => c.code) as [string, ...string[]]),
              citizenship: z
                .string()
                .refine((v) => CITIZENSHIPS.includes(v), { params: { code: 'invalid_country' } }),
              sex: z.enum(['F', 'M', 'X']).optional(),
              ageBand: z.enum(AGE_BANDS).optional(),
            })
            .strict(),
          response: { 201: z.object({ recorded: z.literal(true) }) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const scope = await statisticsScope(actor);
        if (!scope || !('region' in scope)) throw new AppError('action_forbidden');
        const on = legalDate(deps.clock.now());
        const b = request.body;
        await deps.db
          .insertInto('statistic_fact')
          .values({
            event: 'ex_officio',
            year: Number(on.slice(0, 4)),
            month: Number(on.slice(5, 7)),
            region: scope.region,
            ex_officio_category: b.category,
            citizenship: b.citizenship,
            sex: b.sex ?? null,
            age_band: b.ageBand ?? 'unknown',
          })
          .execute();
        return reply.status(201).send({ recorded: true as const });
      },
    );

    app.get(
      '/statistics/eurostat',
      {
        config: { permission: figures },
        schema: {
          tags,
          summary: 'The Eurostat datasets of a year with the check that their totals agree',
          querystring: z.object({ year: Year }).strict(),
          response: { 200: EurostatIndexView },
        },
      },
      async (request) => {
        if (!(await mayReadEurostat(actorOf(request)))) throw new AppError('action_forbidden');
        return indexOf(await eurostatYear(deps.db, request.query.year));
      },
    );

    app.get(
      '/statistics/eurostat/:dataset',
      {
        config: { permission: figures },
        schema: {
          tags,
          summary: 'One Eurostat dataset of a year as CSV, ready for DVZ to transmit (Art. 31)',
          description:
            'Refused with `statistics_inconsistent` while the totals of the year’s datasets disagree.',
          params: z.object({ dataset: z.enum(DATASETS.map((d) => d.dataset) as [string, ...string[]]) }),
          querystring: z.object({ year: Year }).strict(),
          response: {
            200: {
              description: 'The dataset as a CSV file (RFC 4180), in its Eurostat structure and code lists',
              content: {
                'text/csv': {
                  schema: z.string().describe('One line per cell of the dataset, after a header line'),
                },
              },
            },
          },
        },
      },
      async (request, reply) => {
        if (!(await mayReadEurostat(actorOf(request)))) throw new AppError('action_forbidden');
        const year = await eurostatYear(deps.db, request.query.year);
        if (!year.consistent) throw new AppError('statistics_inconsistent');
        const table = year.tables.find((t) => t.dataset.dataset === request.params.dataset);
        if (!table) throw new AppError('not_found');
        return sendCsv(reply, `${table.dataset.dataset}_BE_${String(year.year)}`, csvOf(table));
      },
    );

    app.get(
      '/open-data/permits',
      {
        config: { permission: publicFigures },
        schema: {
          tags,
          summary: 'Public yearly figures by region, procedure and citizenship; small cells suppressed',
          querystring: z.object({ year: Year, format: z.enum(['json', 'csv']).optional() }).strict(),
          response: { 200: OpenDataView },
        },
      },
      async (request, reply) => {
        const view = await openData(deps.db, request.query.year);
        if (wantsCsv(request, request.query.format))
          return sendCsv(reply, `permits-${String(view.year)}`, openDataCsv(view));
        return view;
      },
    );
    return Promise.resolve();
  };
}

/** Eleven months before `to`: a year of months, `to` included. */
function lastYearFrom(to: string): string {
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
  const back = y * 12 + (m - 1) - 11;
  return `${String(Math.floor(back / 12))}-${String((back % 12) + 1).padStart(2, '0')}`;
}
