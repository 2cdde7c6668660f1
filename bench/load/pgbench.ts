import { execFileSync } from 'node:child_process';
import pg from 'pg';

/*
 * The machine's ceiling: pgbench's select-only and TPC-B runs on a scratch database beside the
 * bench's (created, initialised at scale 10 and dropped again), at the same numbers of clients.
 */

export async function runPgbench(url: string, clients: readonly number[], seconds: number): Promise<void> {
  const target = new URL(url);
  const scratch = 'scale_pgbench';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${scratch}`);
  await client.query(`create database ${scratch}`);
  const args = [
    '-h',
    target.hostname,
    '-p',
    target.port || '5432',
    '-U',
    decodeURIComponent(target.username || 'postgres'),
  ];
  try {
    execFileSync('/usr/bin/pgbench', [...args, '-i', '-q', '-s', '10', scratch], { stdio: 'ignore' });
    console.log('\npgbench (scale 10, scratch database): the ceiling of this machine');
    for (const [name, extra] of [
      ['select-only', ['-S']],
      ['TPC-B', []],
    ] as const)
      for (const c of clients) {
        const out = execFileSync(
          '/usr/bin/pgbench',
          [...args, ...extra, '-c', String(c), '-j', '2', '-T', String(seconds), '-n', scratch],
          {
            encoding: 'utf8',
          },
        );
        const tps = /tps = ([\d.]+)/.exec(out)?.[1] ?? '?';
        const latency = /latency average = ([\d.]+) ms/.exec(out)?.[1] ?? '?';
        console.log(
          `  ${name.padEnd(12)} ${String(c).padStart(3)} clients  ${Number(tps).toFixed(0).padStart(7)} tps  latency ${latency} ms`,
        );
      }
  } finally {
    await client.query(`drop database if exists ${scratch} with (force)`);
    await client.end();
  }
}
