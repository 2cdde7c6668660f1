import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Client, type TestPlatform } from '../../test/harness.js';
import { dossierPath as path, forDossier, grantedSinglePermit, inbox } from '../../test/exchange.js';
import { backoffMs, dispatchDue } from './dispatcher.js';
import { REPLAY_WINDOW_SECONDS, signatureOf, verifySignature } from './webhooks.js';

const SECRET = 'receiver-secret-0123456789-abcdefghij';

/**
 * A recipient's own system, as the contract asks it to behave: it checks the signature and the
 * timestamp, then de-duplicates by event id. `failNext` makes it answer 500 after storing the
 * event, as a system that crashed before answering would.
 */
class Receiver {
  server: Server;
  url = '';
  received: { eventId: string; body: Record<string, unknown>; raw: string }[] = [];
  stored = new Map<string, Record<string, unknown>>();
  refused = 0;
  failNext = 0;
  now: () => Date = () => new Date();

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const signature = req.headers['x-signature'];
        const timestamp = Number(req.headers['x-timestamp']);
        const body = JSON.parse(raw) as Record<string, unknown>;
        const fresh = Math.abs(this.now().getTime() / 1000 - timestamp) <= REPLAY_WINDOW_SECONDS;
        if (
          !verifySignature(SECRET, raw, typeof signature === 'string' ? signature : undefined) ||
          body.timestamp !== timestamp ||
          !fresh
        ) {
          this.refused += 1;
          res.writeHead(401).end();
          return;
        }
        const eventId = String(req.headers['x-event-id']);
        this.received.push({ eventId, body, raw });
        if (!this.stored.has(eventId)) this.stored.set(eventId, body);
        if (this.failNext > 0) {
          this.failNext -= 1;
          res.writeHead(500).end();
          return;
        }
        res.writeHead(204).end();
      });
    });
  }

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/single-window`;
  }

  stop() {
    return new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }
}

let platform: TestPlatform;
let employer: Client, flanders: Client, dvz: Client, post: Client, municipality: Client;
const receiver = new Receiver();

beforeAll(async () => {
  platform = await startPlatform();
  [employer, flanders, dvz, post, municipality] = await platform.loginAll([
    'employer',
    'flanders',
    'dvz',
    'post',
    'municipality',
  ] as const);
  await receiver.start();
  receiver.now = () => platform.clock.now();
});
afterAll(async () => {
  await receiver.stop();
  await platform.close();
});

const parties = () => ({ employer, flanders, dvz });
const dispatch = () => dispatchDue(platform.deps, platform.clock.now());
const pushOf = (deliveryId: string) =>
  platform.deps.db
    .selectFrom('webhook_push')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirstOrThrow();

let subscriptionId = '';

describe('webhook subscriptions', () => {
  it('are kept per organisation and never show the secret again', async () => {
    const created = await post.post('/api/v1/webhooks', { url: receiver.url, secret: SECRET });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      url: receiver.url,
      createdAt: expect.any(String),
    });
    subscriptionId = created.body.id;
    const listed = await post.get('/api/v1/webhooks');
    expect(listed.body.items).toEqual([created.body]);
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    expect((await municipality.get('/api/v1/webhooks')).body.items).toEqual([]);
    expect((await municipality.delete(`/api/v1/webhooks/${subscriptionId}`)).status).toBe(404);
    expect((await employer.post('/api/v1/webhooks', { url: receiver.url, secret: SECRET })).status).toBe(403);
  });

  it('refuse a short secret and a URL that is not http(s)', async () => {
    const short = await post.post('/api/v1/webhooks', { url: receiver.url, secret: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0].field).toBe('secret');
    const ftp = await post.post('/api/v1/webhooks', { url: 'ftp://127.0.0.1/x', secret: SECRET });
    expect(ftp.status).toBe(422);
  });
});

describe('pushing deliveries', () => {
  it('sends each new delivery once, signed, with its event id and timestamp, and no content', async () => {
    const { id } = await grantedSinglePermit(platform, parties());
    const [delivery] = forDossier(await inbox(post), id);
    const report = await dispatch();
    expect(report.pushes).toEqual({ delivered: 1, failed: 0 });
    const got = receiver.received.filter((r) => r.eventId === delivery?.id);
    expect(got).toHaveLength(1);
    expect(got[0]?.body).toEqual({
      id: delivery?.id,
      type: 'delivery',
      event: 'visa_d_authorised',
      dossierId: id,
      reference: delivery?.reference,
      procedure: 'single_permit',
      decisionId: delivery?.decisionId,
      deliveredAt: expect.any(String),
      timestamp: Math.floor(platform.clock.now().getTime() / 1000),
    });
    // Nothing more is due: a delivered push is not sent again.
    expect((await dispatch()).pushes).toEqual({ delivered: 0, failed: 0 });
    expect(receiver.refused).toBe(0);
    // The receiver then reads the dossier through the API, as its relation allows.
    expect((await post.get(path(id))).status).toBe(200);
  });

  it('a signature over a changed body or with another secret does not verify', () => {
    const raw = JSON.stringify({ id: 'x', timestamp: 1 });
    expect(verifySignature(SECRET, raw, signatureOf(SECRET, raw))).toBe(true);
    expect(verifySignature(SECRET, raw.replace('x', 'y'), signatureOf(SECRET, raw))).toBe(false);
    expect(verifySignature(SECRET, raw, signatureOf('another-secret-of-enough-length-000', raw))).toBe(false);
    expect(verifySignature(SECRET, raw, undefined)).toBe(false);
  });

  it('retries with exponential backoff, and the receiver de-duplicates by event id', async () => {
    const { id } = await grantedSinglePermit(platform, parties());
    const [delivery] = forDossier(await inbox(post), id);
    const eventId = delivery?.id ?? '';
    receiver.failNext = 2;

    expect((await dispatch()).pushes).toEqual({ delivered: 0, failed: 1 });
    let push = await pushOf(eventId);
    expect(push).toMatchObject({ attempts: 1, last_status: 500, last_error: 'http_500', delivered_at: null });
    expect(push.next_attempt_at.getTime() - platform.clock.now().getTime()).toBe(backoffMs(1));
    // Not due before its time.
    platform.clock.advanceSeconds(backoffMs(1) / 1000 - 1);
    expect((await dispatch()).pushes).toEqual({ delivered: 0, failed: 0 });

    platform.clock.advanceSeconds(1);
    expect((await dispatch()).pushes).toEqual({ delivered: 0, failed: 1 });
    push = await pushOf(eventId);
    expect(push.attempts).toBe(2);
    expect(push.next_attempt_at.getTime() - platform.clock.now().getTime()).toBe(backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    platform.clock.advanceSeconds(backoffMs(2) / 1000);
    expect((await dispatch()).pushes).toEqual({ delivered: 1, failed: 0 });
    push = await pushOf(eventId);
    expect(push).toMatchObject({ attempts: 3, last_status: 204, last_error: null });
    expect(push.delivered_at).not.toBeNull();

    // Three receipts of one event, stored once.
    const receipts = receiver.received.filter((r) => r.eventId === eventId);
    expect(receipts).toHaveLength(3);
    expect(new Set(receipts.map((r) => r.body.id))).toEqual(new Set([eventId]));
    expect([...receiver.stored.keys()].filter((k) => k === eventId)).toHaveLength(1);
  });

  it('two dispatchers running at once never push the same item twice (SKIP LOCKED)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await grantedSinglePermit(platform, parties())).id);
    const events = (await inbox(post)).filter((d) => ids.includes(d.dossierId)).map((d) => d.id);
    const [a, b] = await Promise.all([dispatch(), dispatch()]);
    expect(a.pushes.delivered + b.pushes.delivered).toBe(3);
    for (const eventId of events) {
      expect(receiver.received.filter((r) => r.eventId === eventId)).toHaveLength(1);
    }
  });

  it('backs off to at most six hours between attempts', () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(30)).toBe(6 * 3600_000);
  });

  it('an unreachable receiver is retried later; the delivery stays in the inbox meanwhile', async () => {
    const created = await municipality.post('/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/nobody-listens',
      secret: SECRET,
    });
    expect(created.status).toBe(201);
    const { id } = await grantedSinglePermit(platform, parties(), { abroad: false });
    const [delivery] = forDossier(await inbox(municipality), id);
    expect((await dispatch()).pushes.failed).toBe(1);
    expect(await pushOf(delivery?.id ?? '')).toMatchObject({ attempts: 1, last_error: 'network' });
    expect(delivery?.acknowledgedAt).toBeNull();
  });

  it('removing a subscription stops its pushes; later deliveries are not pushed to it', async () => {
    expect((await post.delete(`/api/v1/webhooks/${subscriptionId}`)).status).toBe(204);
    expect((await post.get('/api/v1/webhooks')).body.items).toEqual([]);
    const before = receiver.received.length;
    const { id } = await grantedSinglePermit(platform, parties());
    const [delivery] = forDossier(await inbox(post), id);
    const pushes = await platform.deps.db
      .selectFrom('webhook_push')
      .select('id')
      .where('delivery_id', '=', delivery?.id ?? '')
      .execute();
    expect(pushes).toEqual([]);
    await dispatch();
    expect(receiver.received.length).toBe(before);
    expect((await post.delete(`/api/v1/webhooks/${subscriptionId}`)).status).toBe(404);
  });
});
