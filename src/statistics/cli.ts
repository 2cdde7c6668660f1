/* eslint-disable no-console -- a command-line tool reports on its output */
// `npm run eurostat -- --year 2027 --out DIR`: the year's Eurostat datasets as CSV files in DIR,
// ready for DVZ to transmit (Art. 31), after the check that their totals agree; a disagreement is
// printed and nothing is written (exit code 2). Reads the database the server uses (DATABASE_URL
// or DATA_DIR); the embedded one can only be opened while the server is stopped.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openPglite, openPostgres } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { csvOf, eurostatYear } from './eurostat.js';

const { values } = parseArgs({ options: { year: { type: 'string' }, out: { type: 'string' } } });
const year = Number(values.year);
if (!Number.isInteger(year) || !values.out) {
  console.error('usage: npm run eurostat -- --year YYYY --out DIR');
  process.exit(1);
}
const config = loadConfig(process.env, []);
const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
try {
  await migrate(database);
  const result = await eurostatYear(database.db, year);
  for (const c of result.checks) {
    console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${JSON.stringify(c.totals)}`);
  }
  if (!result.consistent) {
    console.error(`the totals of ${String(year)} disagree: no file written`);
    process.exitCode = 2;
  } else {
    mkdirSync(values.out, { recursive: true });
    for (const t of result.tables) {
      const file = join(values.out, `${t.dataset.dataset}_BE_${String(year)}.csv`);
      writeFileSync(file, csvOf(t));
      console.log(`wrote ${file} (${String(t.rows.length)} rows, total ${String(t.total)})`);
    }
  }
} finally {
  await database.close();
}
