import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The server as an operator runs it: what it writes to its console. One line per request, with the
 * method, the route pattern and the status — never the address as typed, which may name a person.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'sw-server-'));
let lines: string[] = [];
let base = '';
let stop: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  // The embedded database, whichever database the suite runs on: this is about the console.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (listening?.[1]) {
        base = listening[1];
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once('exit', () => {
      clearInterval(timer);
      reject(new Error(`server stopped: ${out}`));
    });
  });
  stop = () =>
    new Promise((resolve) => {
      child.once('exit', () => {
        resolve();
      });
      child.kill('SIGTERM');
    });
  const before = out.length;
  await fetch(`${base}/health`);
  await fetch(`${base}/api/v1/dossiers?q=Jansen-Fictief`);
  await fetch(`${base}/api/v1/dossiers/0c9b1c8e-7d4a-4f0e-9a51-2f3b4c5d6e7f?x=Peeters-Fictief`);
  // Give the last line time to reach the pipe.
  await new Promise((r) => setTimeout(r, 300));
  lines = out
    .slice(before)
    .split('\n')
    .filter((l) => l.trim().startsWith('{'));
}, 120_000);

afterAll(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the console of a running server', () => {
  it('writes one line per request, by route pattern and status', () => {
    const answered = lines.map((l) => JSON.parse(l) as { msg: string; route?: string; status?: number });
    expect(answered.map((l) => l.msg)).toEqual(['answered', 'answered', 'answered']);
    expect(answered.map((l) => [l.route, l.status])).toEqual([
      ['/health', 200],
      ['/api/v1/dossiers', 401],
      ['/api/v1/dossiers/:id', 401],
    ]);
  });

  it('never writes what the address carried', () => {
    const text = lines.join('\n');
    expect(text).not.toContain('Jansen');
    expect(text).not.toContain('Peeters');
    expect(text).not.toContain('0c9b1c8e');
  });
});
