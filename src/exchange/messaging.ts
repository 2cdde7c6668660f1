import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../contract/language.js';

/**
 * Communications to applicants and workers (Art. 20 §5): the e-Box, or the e-mail address given in
 * the form. The platform only knows this port; production plugs the e-Box / SMTP adapter in.
 */
export interface Message {
  to: string;
  language: Language;
  subject: string;
  body: string;
}

export interface Messaging {
  send(message: Message): Promise<void>;
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
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${counter}.eml`;
      const text = `To: ${message.to}\nSubject: ${message.subject}\nContent-Language: ${message.language}\n\n${message.body}\n`;
      await writeFile(join(folder, name), text, { mode: 0o600 });
    },
  };
}
