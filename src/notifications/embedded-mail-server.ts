import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerError, type SMTPServerSession } from 'smtp-server';
import { BrigadeConfig } from '../config/brigade-config';
import { EMBEDDED_MAILBOX, type EmbeddedMailbox } from './embedded-mailbox.port';
import type { EmbeddedSmtpAddress } from './embedded-smtp-address';
import { readReceivedMail } from './received-mail';

// Loopback only: the server takes mail from Brigade's own SMTP channel and from nobody else.
const LOOPBACK = '127.0.0.1';
// Brigade's messages are short texts with at most an invitation; anything near this size is not one of them.
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
// How long a stop waits for a message in flight before it hangs up with 421, which tells the sender to try again.
const CLOSE_TIMEOUT_MS = 3_000;
const BANNER = 'Brigade embedded mail server: every message is kept for the outbox and goes no further';

/**
 * The SMTP server inside Brigade on the embedded default: it listens on loopback, keeps every message in the embedded
 * mailbox and answers 250 only once the message is committed, or 451 when it could not be kept, so the sender retries.
 */
@Injectable()
export class EmbeddedMailServer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EmbeddedMailServer');
  private server?: SMTPServer;
  private bound?: EmbeddedSmtpAddress;

  /** Where the server listens, for the SMTP channel; reading it before the server has started throws. */
  readonly address: EmbeddedSmtpAddress = lateAddress(() => this.bound);

  constructor(
    private readonly config: BrigadeConfig,
    @Inject(EMBEDDED_MAILBOX) private readonly mailbox: EmbeddedMailbox,
  ) {}

  // In module initialisation, which Nest finishes before any application bootstrap hook: the worker, and with it
  // everything that sends mail, starts only after the server listens.
  async onModuleInit(): Promise<void> {
    const server = new SMTPServer({
      banner: BANNER,
      size: MAX_MESSAGE_BYTES,
      rejectOversized: true,
      // Nothing to secure on loopback, and nothing to authenticate against: advertising AUTH or STARTTLS would only
      // invite a client to send credentials or start a TLS session that protect nothing here.
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      disableReverseLookup: true,
      closeTimeout: CLOSE_TIMEOUT_MS,
      logger: false,
      onData: (stream, session, callback) => {
        this.receive(stream, session).then((messageId) => callback(null, `Kept as ${messageId}`), (error: SMTPServerError) => callback(error));
      },
    });
    this.bound = await listen(server, this.config.notifications.embeddedSmtpPort);
    // A client that hangs up mid-message is the client's problem; it must not end the process.
    server.on('error', (error) => this.logger.warn(`an SMTP connection failed: ${error.message}`));
    this.server = server;
    this.logger.log(`embedded SMTP server on ${this.bound.host}:${this.bound.port}; messages are kept for the outbox, none leave this machine`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(resolve));
  }

  private async receive(stream: Readable & { sizeExceeded?: boolean }, session: SMTPServerSession): Promise<string> {
    const source = await collect(stream, MAX_MESSAGE_BYTES);
    if (stream.sizeExceeded || source === undefined) throw smtpError(552, `the message is larger than ${MAX_MESSAGE_BYTES} bytes`);
    const envelope = {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((recipient) => recipient.address),
    };
    const mail = await readReceivedMail(source, envelope).catch((error: unknown) => {
      throw smtpError(554, `the message cannot be read: ${String(error)}`);
    });
    try {
      await this.mailbox.keep(mail);
    } catch (error) {
      // Temporary: the database may be back by the sender's next try, and the message is not acknowledged until then.
      this.logger.warn(`could not keep ${mail.messageId}, answered 451: ${error instanceof Error ? error.message : String(error)}`);
      throw smtpError(451, 'the message could not be kept just now; try again later');
    }
    return mail.messageId;
  }
}

function listen(server: SMTPServer, port: number): Promise<EmbeddedSmtpAddress> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(new Error(`the embedded SMTP server cannot listen on ${LOOPBACK}:${port} (${error.message}); set BRIGADE_EMBEDDED_SMTP_PORT to a free port, or 0 for any`));
    server.once('error', failed);
    server.listen(port, LOOPBACK, () => {
      server.off('error', failed);
      const bound = server.server.address();
      if (typeof bound === 'object' && bound) resolve({ host: bound.address, port: bound.port });
      else reject(new Error('the embedded SMTP server listens but has no TCP address'));
    });
  });
}

// Reads the whole message, keeping at most `limit` bytes in memory; undefined when it was larger.
async function collect(stream: Readable, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size <= limit ? Buffer.concat(chunks) : undefined;
}

function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

function lateAddress(bound: () => EmbeddedSmtpAddress | undefined): EmbeddedSmtpAddress {
  const read = (): EmbeddedSmtpAddress => {
    const address = bound();
    if (!address) throw new Error('the embedded SMTP server has not started yet: read its address when sending, not while providers are built');
    return address;
  };
  return {
    get host() {
      return read().host;
    },
    get port() {
      return read().port;
    },
  };
}
