import type { Language } from '../contract/language.js';

/*
 * The e-Box Enterprise port (Art. 20 §5, Art. 10 5°): the federal electronic mailbox of every
 * organisation with an enterprise number. The platform publishes into it as a Document Sender;
 * the real adapter's shape (endpoints, payload, authentication) is in docs/messaging.md, to be
 * confirmed with the e-Box team before it is built. Until then demo mode and the tests use the
 * fake below, and production sends organisations their messages by e-mail to their users only.
 */

/** One publication into an enterprise's e-Box: the text of one step, in the dossier's language. */
export interface EBoxMessage {
  /** Ten digits, no dots: the recipient's e-Box is its enterprise number. */
  enterpriseNumber: string;
  language: Language;
  subject: string;
  body: string;
  /** The same on every retry of one message, so the e-Box refuses a second copy (409). */
  idempotencyKey: string;
}

export interface EBoxEnterprise {
  /** Resolves once the e-Box accepted the message; rejects on any failure, to be retried. */
  publish(message: EBoxMessage): Promise<void>;
}

/** Why the e-Box refused a publication: a short code, never the recipient or the text. */
export class EBoxError extends Error {
  constructor(readonly code: 'unavailable' | 'no_ebox' | 'invalid_recipient') {
    super(`e-Box publication failed: ${code}`);
    this.name = 'EBoxError';
  }
}

/** A Belgian enterprise number: ten digits, the last two 97 minus the first eight modulo 97. */
export function isEnterpriseNumber(value: string): boolean {
  if (!/^[01]\d{9}$/.test(value)) return false;
  return 97 - (Number(value.slice(0, 8)) % 97) === Number(value.slice(8));
}

/**
 * Behaves as the e-Box does for a sender, as far as the platform can notice: it refuses an invalid
 * enterprise number, an enterprise that has no e-Box (when told which ones have none), and while
 * told to be down; it keeps one copy per idempotency key, as the real one answers 409 to a repeat.
 * What it accepted stays in `published` for a test to read, and is handed to `onPublished` (demo
 * mode writes it to the outbox folder beside the e-mails).
 */
export class FakeEBox implements EBoxEnterprise {
  readonly published: EBoxMessage[] = [];
  constructor(private readonly onPublished?: (message: EBoxMessage) => Promise<void>) {}
  private readonly keys = new Set<string>();
  private failures = 0;
  private down = false;
  private readonly withoutEbox = new Set<string>();

  /** The next `count` publications fail as if the e-Box were unreachable. */
  failNext(count = 1): void {
    this.failures += count;
  }

  /** Every publication fails until told otherwise. */
  setDown(down: boolean): void {
    this.down = down;
  }

  /** This enterprise has not opened its e-Box: publications to it are refused. */
  withoutEboxFor(enterpriseNumber: string): void {
    this.withoutEbox.add(enterpriseNumber);
  }

  async publish(message: EBoxMessage): Promise<void> {
    if (this.down || this.failures > 0) {
      if (this.failures > 0) this.failures -= 1;
      throw new EBoxError('unavailable');
    }
    if (!isEnterpriseNumber(message.enterpriseNumber)) throw new EBoxError('invalid_recipient');
    if (this.withoutEbox.has(message.enterpriseNumber)) throw new EBoxError('no_ebox');
    // A repeat of an accepted message is a success for the sender and no second copy.
    if (this.keys.has(message.idempotencyKey)) return;
    this.keys.add(message.idempotencyKey);
    this.published.push({ ...message });
    await this.onPublished?.(message);
  }
}
