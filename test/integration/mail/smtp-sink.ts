import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '../../../src/mail/transport.ts';

/**
 * A real SMTP server in process that keeps what it receives. `down()` closes it and `up()` listens
 * again on the same port, to test an outage. `mailer` sends to it (made on first use, closed with it).
 */
export async function startSmtpSink() {
  const received: ParsedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  let mailer: Mailer | undefined;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
    // A client killed mid-session (the kill -9 tests) resets its connection; smtp-server reports that
    // as a server 'error'. It is expected here: what the tests count is the mail that arrived.
    server.on('error', () => {});
  };
  await listen();
  return {
    received,
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    down: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    up: listen,
    get mailer(): Mailer {
      mailer ??= createMailer({ smtpUrl: this.url, dataDir: 'unused' });
      return mailer;
    },
    close: () => {
      mailer?.close();
      return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
