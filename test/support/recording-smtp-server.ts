import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

/** A message as it arrived: the raw source, what mailparser made of it, and who signed in to send it. */
export interface ReceivedMessage {
  readonly raw: string;
  readonly parsed: ParsedMail;
  readonly recipients: readonly string[];
  readonly user: string | undefined;
}

/** How the test server behaves. */
export interface RecordingSmtpServerOptions {
  /** The only login it accepts (AUTH PLAIN or LOGIN); without one it asks for none. */
  readonly login?: { readonly user: string; readonly pass: string };
  /** Answers every recipient with this reply code, such as 451 or 550. */
  readonly refuseRecipientsWith?: number;
  /** Implicit TLS from the first byte, with smtp-server's own self-signed certificate. */
  readonly implicitTls?: boolean;
  /** Whether it offers STARTTLS (with its own self-signed certificate); by default it does not. */
  readonly offersStartTls?: boolean;
  /** The port to listen on, such as the one a server stopped earlier had: a free one when absent. */
  readonly port?: number;
}

/** A real SMTP server on a free loopback port that keeps every message it accepts. */
export class RecordingSmtpServer {
  readonly received: ReceivedMessage[] = [];
  private server?: SMTPServer;

  static async start(options: RecordingSmtpServerOptions = {}): Promise<RecordingSmtpServer> {
    const recording = new RecordingSmtpServer();
    const server = new SMTPServer({
      secure: options.implicitTls ?? false,
      authOptional: !options.login,
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      disabledCommands: options.offersStartTls || options.implicitTls ? [] : ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onAuth(auth, _session, callback) {
        const { login } = options;
        if (login && auth.username === login.user && auth.password === login.pass) return callback(null, { user: auth.username });
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(_address, _session, callback) {
        if (!options.refuseRecipientsWith) return callback();
        const refusal: SMTPServerError = new Error(options.refuseRecipientsWith >= 500 ? '5.1.1 Mailbox unavailable' : '4.7.1 Try again later');
        refusal.responseCode = options.refuseRecipientsWith;
        callback(refusal);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then((parsed) => {
            recording.received.push({ raw, parsed, recipients: session.envelope.rcptTo.map((to) => to.address), user: session.user as string | undefined });
            callback();
          }, callback);
        });
      },
    });
    // A client that gives up on the handshake (a certificate it cannot verify) is part of what the tests try.
    server.on('error', () => undefined);
    recording.server = server;
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return recording;
  }

  get port(): number {
    return (this.server?.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
