import { createTransport } from 'nodemailer';
import type { Messaging } from './messaging.js';

/*
 * The e-mail channel of the messaging port (Art. 20 §5): each message goes to the SMTP relay named
 * by `SMTP_URL` (`smtp://user:pass@host:587`, STARTTLS when the server offers it; `smtps://` for
 * TLS from the first byte). A refused or unreachable server rejects the send, and the dispatcher
 * retries it with its backoff. Nothing here is logged: addresses and texts are personal data.
 */

export interface SmtpSettings {
  url: string;
  /** The From header, e.g. `Working in Belgium <no-reply@example.be>`. */
  from: string;
  /** How long to wait for the server at each stage before the attempt counts as failed. */
  timeoutMs?: number;
}

/** Thrown instead of the library's error, whose message can quote the server or the recipient. */
export class SmtpError extends Error {
  constructor(readonly code: string) {
    super(`SMTP send failed: ${code}`);
    this.name = 'SmtpError';
  }
}

export interface SmtpMessaging extends Messaging {
  /** Closes pooled connections when the server stops. */
  close(): void;
}

export function smtpMessaging(settings: SmtpSettings): SmtpMessaging {
  // Short enough that a batch of the dispatcher (50 messages) against a silent server still ends
  // within the five-minute lease of its items.
  const timeout = settings.timeoutMs ?? 5_000;
  const transport = createTransport({
    url: settings.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    logger: false,
    debug: false,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.body,
          headers: { 'Content-Language': message.language },
          ...(message.id && { messageId: `<${message.id}@single-window>` }),
        });
      } catch (e) {
        const code =
          e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : 'unknown';
        throw new SmtpError(code);
      }
    },
    close() {
      transport.close();
    },
  };
}
