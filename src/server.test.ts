import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The server as an operator runs it: what it writes to its console. One line per request, with the
 * method, the route pattern and the status — never the address as typed, which may name a person.
 * In demo mode (`npm start`) the console ends with the demo accounts and stays so while the portal
 * is used.
 */

interface Running {
  base: string;
  /** stdout and stderr as written so far. */
  out: () => string;
  err: () => string;
  stop: () => Promise<void>;
}

async function start(args: string[], dataDir: string): Promise<Running> {
  // The embedded database, whichever database the suite runs on: this is about the console.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts', ...args], {
    env: { ...env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  // Demo mode prints its accounts after listening: wait for the last of them.
  const ready = args.includes('--demo') ? /All data is fictitious/ : /Server listening at/;
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (listening?.[1] && ready.test(out)) {
        clearInterval(timer);
        resolve(listening[1]);
      }
    }, 100);
    child.once('exit', () => {
      clearInterval(timer);
      reject(new Error(`server stopped: ${out}${err}`));
    });
  });
  return {
    base,
    out: () => out,
    err: () => err,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Three requests, one of them with a name in its address, and the lines they left. */
async function askThree(server: Running): Promise<string[]> {
  const before = server.out().length;
  await fetch(`${server.base}/health`);
  await fetch(`${server.base}/api/v1/dossiers?q=Jansen-Fictief`);
  await fetch(`${server.base}/api/v1/dossiers/0c9b1c8e-7d4a-4f0e-9a51-2f3b4c5d6e7f?x=Peeters-Fictief`);
  // Give the last line time to reach the pipe.
  await new Promise((r) => setTimeout(r, 300));
  return server
    .out()
    .slice(before)
    .split('\n')
    .filter((l) => l.trim().startsWith('{'));
}

describe('the console of a running server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-server-'));
  let server: Running;
  let lines: string[] = [];

  beforeAll(async () => {
    server = await start([], dataDir);
    lines = await askThree(server);
  }, 120_000);

  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

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

  it('starts without a deprecation warning', () => {
    expect(server.err()).not.toMatch(/FSTDEP|DeprecationWarning/);
  });
});

describe('the console of the demo (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-demo-'));
  let server: Running;
  let lines: string[] = [];

  beforeAll(async () => {
    server = await start(['--demo'], dataDir);
    lines = await askThree(server);
  }, 180_000);

  afterAll(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends with the demo accounts, and using the portal does not scroll them away', () => {
    expect(lines).toEqual([]);
    const tail = server.out().trimEnd().split('\n').slice(-3).join('\n');
    expect(tail).toContain('dpo');
    expect(tail).toContain('All data is fictitious');
  });

  it('starts without a deprecation warning', () => {
    expect(server.err()).not.toMatch(/FSTDEP|DeprecationWarning/);
  });
});
