import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the SMTP server received it: the envelope and the parsed message. */
export interface Received {
  envelopeTo: string[];
  to: string;
  subject: string;
  text: string;
  contentLanguage: string | undefined;
  from: string;
}

/**
 * A real SMTP server on 127.0.0.1 for the tests (the `smtp-server` package): it asks for the
 * user and password in its URL, keeps what it accepts, and can be told to refuse every recipient.
 */
export interface TestSmtp {
  url: string;
  received: Received[];
  /** While true, every RCPT TO is answered 550. */
  refuse: boolean;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const state: { received: Received[]; refuse: boolean } = { received: [], refuse: false };
  const server = new SMTPServer({
    // Plain SMTP on the loopback: no STARTTLS with a self-signed certificate to trust.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'relay' && auth.password === 's3cret') callback(null, { user: 'relay' });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (state.refuse) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
          const language = mail.headers.get('content-language');
          state.received.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            to,
            from: mail.from?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            contentLanguage: typeof language === 'string' ? language : undefined,
          });
          callback();
        })
        .catch((e: unknown) => {
          callback(e instanceof Error ? e : new Error('parse failed'));
        });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://relay:s3cret@127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get refuse() {
      return state.refuse;
    },
    set refuse(v: boolean) {
      state.refuse = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
