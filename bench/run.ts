// `npm run bench`: figures for the core paths over real HTTP on the embedded database (or on
// DATABASE_URL when set). Prints medians and percentiles; asserts nothing.
import { performance } from 'node:perf_hooks';
import { startPlatform } from '../test/harness.js';
import { completeSinglePermitDraft } from '../test/scenarios.js';
import { benchRetention } from './retention.js';
import { benchStatistics } from './statistics.js';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function measure(label: string, runs: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} n=${String(runs).padStart(4)}  median ${quantile(times, 0.5).toFixed(1).padStart(7)} ms  p95 ${quantile(times, 0.95).toFixed(1).padStart(7)} ms`,
  );
}

const platform = await startPlatform();
try {
  const employer = await platform.login('employer');
  const flanders = await platform.login('flanders');
  console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'}`);
  const drafts: string[] = [];
  await measure('complete draft (create + 6 uploads)', 30, async () => {
    drafts.push((await completeSinglePermitDraft(platform, employer)).id);
  });
  await measure('file a complete dossier (submit)', drafts.length, (i) =>
    employer.post(`/api/v1/dossiers/${drafts[i]}/submit`),
  );
  await measure('region reads a dossier (gate + access log)', 300, (i) =>
    flanders.get(`/api/v1/dossiers/${drafts[i % drafts.length]}`),
  );
  await measure('region lists its dossiers (limit 50)', 100, () => flanders.get('/api/v1/dossiers?limit=50'));
  await measure('region declares admissible', drafts.length, (i) =>
    flanders.post(`/api/v1/dossiers/${drafts[i]}/admissibility`, { outcome: 'admissible' }),
  );
  // Half refused (four letters each: full and notice, Dutch and English), half granted (two).
  await measure('region decides on work (with its letters)', drafts.length, (i) =>
    flanders.post(
      `/api/v1/dossiers/${drafts[i]}/decisions`,
      i % 2 === 0
        ? { kind: 'work', outcome: 'refused', grounds: 'Fictitious grounds for a measurement.' }
        : { kind: 'work', outcome: 'granted', validFrom: '2027-02-01', validUntil: '2028-01-31' },
    ),
  );
  const letters = await platform.deps.db.selectFrom('decision_letter').select('id').execute();
  console.log(
    `${''.padEnd(44)} (${String(letters.length)} letters stored for the admissibility and work decisions)`,
  );
  const inspection = await platform.login('inspection');
  const found = await flanders.get<{ decisions: { id: string }[] }>(`/api/v1/dossiers/${drafts[0]}`);
  const decisionId = found.body.decisions.at(-1)?.id ?? '';
  await measure('region downloads a decision letter', 100, () =>
    flanders.request('GET', `/api/v1/dossiers/${drafts[0]}/decisions/${decisionId}/letter`),
  );
  const enterprise = await employer.get<{
    sections: { employment: { employer: { enterpriseNumber: string } } };
  }>(`/api/v1/dossiers/${drafts[0]}`);
  await measure('inspection searches an enterprise (30 found)', 50, () =>
    inspection.post('/api/v1/dossiers/search', {
      purpose: 'Measurement of the search',
      criteria: {
        by: 'enterprise',
        enterpriseNumber: enterprise.body.sections.employment.employer.enterpriseNumber,
      },
    }),
  );
} finally {
  await platform.close();
}

// The retention sweep on a platform of its own, so its figure does not depend on what came before:
// 10,000 due dossiers on PostgreSQL (about three minutes). The embedded database deletes about 60
// a second too, so it runs 2,000 and says so (BENCH_RETENTION_COUNT=10000 runs them all).
const onServer = Boolean(process.env.DATABASE_URL);
const retentionCount = Number(process.env.BENCH_RETENTION_COUNT ?? (onServer ? 10_000 : 2_000));
const retentionPlatform = await startPlatform();
try {
  await benchRetention(
    retentionPlatform,
    retentionCount,
    retentionCount < 10_000
      ? ` — ${retentionCount.toLocaleString('en')} rather than 10,000 on ${onServer ? 'this server' : 'embedded PGlite'}; 10,000 take about ${Math.round(10_000 / retentionCount)}× as long`
      : '',
  );
} finally {
  await retentionPlatform.close();
}

// The statistics over a million facts, on a platform of their own (BENCH_FACTS changes the count).
const statisticsPlatform = await startPlatform();
try {
  await benchStatistics(statisticsPlatform.deps.db, Number(process.env.BENCH_FACTS ?? 1_000_000));
} finally {
  await statisticsPlatform.close();
}
