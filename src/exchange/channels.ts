import type { MessagingConfig } from '../config.js';
import { FakeEBox } from './ebox.js';
import { eboxAddress, folderMessaging, routedMessaging, type Messaging } from './messaging.js';
import { smtpMessaging } from './smtp.js';

/**
 * The port as configured: e-mail by SMTP when `SMTP_URL` is set, else to files in `outboxFolder`
 * (refused in production by the configuration); the e-Box fake unless switched off.
 */
export function messagingFrom(
  config: MessagingConfig,
  outboxFolder: string,
): { messaging: Messaging; close: () => void } {
  const smtp = config.email.kind === 'smtp' ? smtpMessaging(config.email) : undefined;
  const folder = folderMessaging(outboxFolder);
  const email = smtp ?? folder;
  // The fake e-Box keeps what it accepts; with the folder outbox it is also a file to open.
  const ebox =
    config.ebox === 'fake'
      ? new FakeEBox(
          smtp
            ? undefined
            : (m) => folder.send({ to: eboxAddress(m.enterpriseNumber), ...m, id: m.idempotencyKey }),
        )
      : undefined;
  return { messaging: routedMessaging(email, ebox), close: () => smtp?.close() };
}
