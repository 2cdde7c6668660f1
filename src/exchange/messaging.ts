import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../contract/language.js';
import type { EBoxEnterprise } from './ebox.js';

/**
 * Communications to applicants and workers (Art. 20 §5): the e-Box of an organisation, or an
 * e-mail address (a user's, or the one given in the form). The platform only knows this port;
 * `routedMessaging` sends each message by the channel its address names (docs/messaging.md).
 */
export interface Message {
  /** An e-mail address, or `ebox:` and an enterprise number for an organisation's e-Box. */
  to: string;
  language: Language;
  subject: string;
  body: string;
  /** The same on every retry of one message (the outbox row's id), where the channel uses one. */
  id?: string;
}

const EBOX_SCHEME = 'ebox:';

/** The address of an organisation's e-Box Enterprise, as the outbox stores it. */
export const eboxAddress = (enterpriseNumber: string) => `${EBOX_SCHEME}${enterpriseNumber}`;

export const isEboxAddress = (to: string) => to.startsWith(EBOX_SCHEME);

/** No channel is configured for this address: trying again cannot help, the dispatcher gives up. */
export class Undeliverable extends Error {
  constructor(readonly code: 'no_ebox_channel') {
    super(`message not sent: ${code}`);
    this.name = 'Undeliverable';
  }
}

export interface Messaging {
  send(message: Message): Promise<void>;
  /**
   * Forgets the copies this channel keeps of the messages with these ids (the outbox rows' ids),
   * when their dossier is deleted (Art. 27 §2). Absent where nothing is kept: SMTP hands messages
   * on and keeps none, the recorder is a test's memory.
   */
  forget?(ids: readonly string[]): Promise<void>;
}

/** Keeps what was sent in memory: tests read it back, nothing leaves the process. */
export class RecordingMessaging implements Messaging {
  readonly sent: Message[] = [];
  send(message: Message): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }
}

/** Demo mode: each message becomes a file in a folder the person trying the platform can open. */
export function folderMessaging(folder: string): Messaging {
  let counter = 0;
  return {
    async send(message) {
      await mkdir(folder, { recursive: true });
      counter += 1;
      // Named by the message id, so the message can be found and forgotten with its dossier.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.id ?? `n${counter}`}.eml`;
      const text = `To: ${message.to}\nSubject: ${message.subject}\nContent-Language: ${message.language}\n\n${message.body}\n`;
      await writeFile(join(folder, name), text, { mode: 0o600 });
    },
    async forget(ids) {
      if (ids.length === 0) return;
      const suffixes = ids.map((id) => `-${id}.eml`);
      const names = await readdir(folder).catch(() => [] as string[]);
      for (const name of names)
        if (suffixes.some((s) => name.endsWith(s))) await rm(join(folder, name), { force: true });
    },
  };
}

/**
 * One port, two channels: `ebox:` addresses go to the e-Box Enterprise, every other address by
 * e-mail. Without an e-Box channel (production, until the real adapter exists) an e-Box message
 * is undeliverable rather than retried for days.
 */
export function routedMessaging(email: Messaging, ebox: EBoxEnterprise | undefined): Messaging {
  return {
    async send(message) {
      if (!isEboxAddress(message.to)) return email.send(message);
      if (!ebox) throw new Undeliverable('no_ebox_channel');
      await ebox.publish({
        enterpriseNumber: message.to.slice(EBOX_SCHEME.length),
        language: message.language,
        subject: message.subject,
        body: message.body,
        idempotencyKey: message.id ?? randomUUID(),
      });
    },
    // The fake e-Box writes its messages through the same folder outbox, named by the same id.
    forget: (ids) => email.forget?.(ids) ?? Promise.resolve(),
  };
}
