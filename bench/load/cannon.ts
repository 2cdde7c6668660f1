import autocannon from 'autocannon';

/*
 * One cell of the table: autocannon against one address at a number of clients, with the exact
 * percentiles of every response time it reports (autocannon's own summary has no p95).
 */

export interface CellResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

export interface CellOptions {
  url: string;
  connections: number;
  duration: number;
  amount?: number | undefined;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string | Buffer;
  requests?: autocannon.Request[];
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export async function cell(options: CellOptions): Promise<CellResult> {
  const times: number[] = [];
  const started = performance.now();
  const instance = autocannon({
    url: options.url,
    // autocannon refuses more connections than requests when the number of requests is fixed.
    connections:
      options.amount === undefined ? options.connections : Math.min(options.connections, options.amount),
    duration: options.duration,
    // A slow answer under load is a figure, not a failure: only a minute without one counts as a timeout.
    timeout: 60,
    ...(options.amount !== undefined && { amount: options.amount }),
    headers: options.headers ?? {},
    method: options.method ?? 'GET',
    ...(options.body !== undefined && { body: options.body }),
    ...(options.requests && { requests: options.requests }),
  });
  // The instance passes the client first, which the published types leave out.
  (instance as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, _status: number, _bytes: number, ms: number) => {
      times.push(ms);
    },
  );
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / Math.max(seconds, result.duration || seconds),
    p50: at(times, 0.5),
    p95: at(times, 0.95),
    p99: at(times, 0.99),
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
