import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { enterpriseNumberFrom } from '../demo/fixtures.js';
import { FakeEBox, EBoxError, isEnterpriseNumber } from './ebox.js';
import { eboxAddress, RecordingMessaging, routedMessaging, Undeliverable } from './messaging.js';
import { messagingFrom } from './channels.js';

const SOURCES = {
  SOURCE_KBO: 'https://g/kbo',
  SOURCE_ONSS: 'https://g/onss',
  SOURCE_LIMOSA: 'https://g/l',
  SOURCE_INASTI: 'https://g/i',
} as const;
// A production master key for documents (fictitious), so these checks reach what they test.
const production = {
  NODE_ENV: 'production',
  ...SOURCES,
  DOCUMENT_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  AUDIT_KEY: Buffer.alloc(32, 8).toString('base64'),
} as const;

describe('how messages leave the platform: the configuration', () => {
  it('production refuses the folder outbox: without SMTP_URL start-up stops naming it', () => {
    expect(() => loadConfig(production, [])).toThrow(ConfigError);
    expect(() => loadConfig(production, [])).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ ...production, SMTP_URL: 'smtp://relay.example.be:587' }, [])).toThrow(
      /SMTP_FROM/,
    );
    const ok = loadConfig(
      { ...production, SMTP_URL: 'smtp://u:p@relay.example.be:587', SMTP_FROM: 'no-reply@example.be' },
      [],
    );
    expect(ok.messaging).toEqual({
      email: { kind: 'smtp', url: 'smtp://u:p@relay.example.be:587', from: 'no-reply@example.be' },
      ebox: 'off',
    });
  });

  it('production never publishes into the fake e-Box; elsewhere the fake and the folder are the defaults', () => {
    expect(() =>
      loadConfig(
        {
          ...production,
          SMTP_URL: 'smtp://relay.example.be:587',
          SMTP_FROM: 'no-reply@example.be',
          EBOX_ENTERPRISE: 'fake',
        },
        [],
      ),
    ).toThrow(/EBOX_ENTERPRISE/);
    expect(loadConfig({}, ['--demo']).messaging).toEqual({ email: { kind: 'folder' }, ebox: 'fake' });
    expect(loadConfig({ SMTP_URL: 'smtp://localhost:2525' }, []).messaging.email).toMatchObject({
      kind: 'smtp',
    });
  });

  it('SMTP_URL must be an smtp:// or smtps:// URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'https://relay.example.be' }, [])).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'not a url' }, [])).toThrow(/SMTP_URL/);
    expect(loadConfig({ SMTP_URL: 'smtps://relay.example.be:465' }, []).messaging.email).toMatchObject({
      kind: 'smtp',
    });
  });
});

describe('the e-Box Enterprise channel', () => {
  const message = { language: 'fr' as const, subject: 'Demande déposée', body: 'Votre demande…' };

  it('an ebox: address goes to the e-Box, any other by e-mail', async () => {
    const email = new RecordingMessaging();
    const ebox = new FakeEBox();
    const messaging = routedMessaging(email, ebox);
    const enterprise = enterpriseNumberFrom(5);
    await messaging.send({ ...message, to: eboxAddress(enterprise), id: 'n-1' });
    await messaging.send({ ...message, to: 'someone@example.org' });
    expect(ebox.published).toEqual([{ ...message, enterpriseNumber: enterprise, idempotencyKey: 'n-1' }]);
    expect(email.sent.map((m) => m.to)).toEqual(['someone@example.org']);
  });

  it('without an e-Box channel an e-Box message is undeliverable, not retried for days', async () => {
    const messaging = routedMessaging(new RecordingMessaging(), undefined);
    await expect(
      messaging.send({ ...message, to: eboxAddress(enterpriseNumberFrom(5)) }),
    ).rejects.toBeInstanceOf(Undeliverable);
  });

  it('the fake refuses what the e-Box refuses, fails when told, and keeps one copy per idempotency key', async () => {
    const ebox = new FakeEBox();
    const good = enterpriseNumberFrom(6);
    expect(isEnterpriseNumber(good)).toBe(true);
    expect(isEnterpriseNumber('0123456789')).toBe(false);
    await expect(
      ebox.publish({ ...message, enterpriseNumber: '0123456789', idempotencyKey: 'a' }),
    ).rejects.toEqual(new EBoxError('invalid_recipient'));
    ebox.withoutEboxFor(good);
    await expect(ebox.publish({ ...message, enterpriseNumber: good, idempotencyKey: 'b' })).rejects.toEqual(
      new EBoxError('no_ebox'),
    );
    const other = enterpriseNumberFrom(7);
    ebox.failNext();
    await expect(ebox.publish({ ...message, enterpriseNumber: other, idempotencyKey: 'c' })).rejects.toEqual(
      new EBoxError('unavailable'),
    );
    await ebox.publish({ ...message, enterpriseNumber: other, idempotencyKey: 'c' });
    await ebox.publish({ ...message, enterpriseNumber: other, idempotencyKey: 'c' });
    expect(ebox.published).toHaveLength(1);
    ebox.setDown(true);
    await expect(ebox.publish({ ...message, enterpriseNumber: other, idempotencyKey: 'd' })).rejects.toEqual(
      new EBoxError('unavailable'),
    );
  });
});

describe('demo mode', () => {
  it('e-mails and e-Box messages become files in the outbox folder to open', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sw-outbox-'));
    try {
      const { messaging } = messagingFrom(loadConfig({}, ['--demo']).messaging, folder);
      const enterprise = enterpriseNumberFrom(8);
      await messaging.send({
        to: eboxAddress(enterprise),
        language: 'nl',
        subject: 'Onderwerp',
        body: 'Tekst',
        id: 'n-8',
      });
      await messaging.send({ to: 'someone@example.org', language: 'en', subject: 'Subject', body: 'Text' });
      const files = readdirSync(folder).map((f) => readFileSync(join(folder, f), 'utf8'));
      expect(
        files.some((f) => f.startsWith(`To: ebox:${enterprise}\nSubject: Onderwerp\nContent-Language: nl`)),
      ).toBe(true);
      expect(files.some((f) => f.startsWith('To: someone@example.org\nSubject: Subject'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
