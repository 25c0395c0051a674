import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { ConfigModule } from '../../src/config/config.module';
import { RuntimeConnections } from '../../src/config/runtime-connections';
import { APP_ROLE } from '../../src/database/database-roles';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import type { EmbeddedMailbox } from '../../src/notifications/embedded-mailbox.port';
import { EmbeddedMailServer } from '../../src/notifications/embedded-mail-server';
import { EmbeddedMailServerModule } from '../../src/notifications/embedded-mail-server.module';
import { EMBEDDED_SMTP_ADDRESS, type EmbeddedSmtpAddress } from '../../src/notifications/embedded-smtp-address';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const INVITATION = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Brigade//test//NL', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'UID:session-1@brigade.local',
  'SEQUENCE:0', 'DTSTAMP:20270101T090000Z', 'DTSTART:20270115T180000Z', 'DTEND:20270115T190000Z', 'SUMMARY:Voorbereidende sessie',
  'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

interface MailboxRow {
  message_id: string; envelope_from: string; envelope_to: string[]; subject: string | null; raw: string; text_body: string | null; calendar: string | null;
}

/** A running app with only the embedded mail server in it, on a free port, as a worker on the embedded default has it. */
async function startServer(db: TestDatabase, port = 0): Promise<{ app: INestApplicationContext; address: EmbeddedSmtpAddress }> {
  const config = loadBrigadeConfig({ BRIGADE_EMBEDDED_SMTP_PORT: String(port) });
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(brigadeDataSourceOptions(db.url, { logging: false })),
      ConfigModule.forRoot(config, new RuntimeConnections(db.url, 'unused:7233', undefined)),
      EmbeddedMailServerModule,
    ],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return { app: moduleRef, address: moduleRef.get<EmbeddedSmtpAddress>(EMBEDDED_SMTP_ADDRESS) };
}

function smtpClient(address: EmbeddedSmtpAddress): Transporter {
  return createTransport({ host: address.host, port: address.port, secure: false, ignoreTLS: true });
}

/** A message as the SMTP channel sends one: From the brigade, a Message-ID, and the delivery it belongs to. */
function aMessage(overrides: Partial<SendMailOptions> = {}): SendMailOptions & { messageId: string } {
  const reference = `${randomUUID()}/3-offerMade-expert/email`;
  return {
    from: 'Vliegende Brigade <brigade@brigade.local>',
    to: 'anouk.de.vries@vliegendebrigade.example',
    subject: 'Nieuw aanbod: reageer vóór vrijdag',
    text: 'Er staat een aanbod voor u klaar. Open uw inbox: http://127.0.0.1:3000/ui/inbox',
    messageId: `<${reference.replace(/\//g, '.')}@brigade.local>`,
    headers: { 'X-Brigade-Reference': reference },
    ...overrides,
  };
}

function refusalOf(pending: Promise<unknown>): Promise<{ responseCode?: number; response?: string }> {
  return pending.then(() => {
    throw new Error('the server acknowledged the message');
  }, (error: { responseCode?: number; response?: string }) => error);
}

function connectsTo(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('the SMTP server inside Brigade', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let address: EmbeddedSmtpAddress;
  let client: Transporter;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, address } = await startServer(db));
    client = smtpClient(address);
  });
  afterAll(async () => {
    client?.close();
    await app?.close();
    await db?.drop();
  });

  const kept = (messageId: string) => db.sql<MailboxRow>('SELECT * FROM embedded_mailbox WHERE message_id = $1', [messageId]);

  it('listens on 127.0.0.1 only, on the free port it was given', async () => {
    const elsewhere = Object.values(networkInterfaces()).flat()
      .filter((found) => found !== undefined && !found.internal && found.family === 'IPv4').map((found) => found!.address);

    expect(address.host).toBe('127.0.0.1');
    expect(address.port).toBeGreaterThan(0);
    await expect(connectsTo('127.0.0.1', address.port)).resolves.toBe(true);
    for (const host of elsewhere) await expect(connectsTo(host, address.port)).resolves.toBe(false);
  });

  it('keeps a plain message with its envelope, subject, text and raw source, and says so in its 250', async () => {
    const message = aMessage();

    const info = await client.sendMail(message);

    expect(info.response).toMatch(/^250 /);
    expect(info.response).toContain(message.messageId);
    const [row] = await kept(message.messageId);
    expect(row).toMatchObject({
      envelope_from: 'brigade@brigade.local',
      envelope_to: ['anouk.de.vries@vliegendebrigade.example'],
      subject: 'Nieuw aanbod: reageer vóór vrijdag',
      calendar: null,
    });
    expect(row.text_body?.trim()).toBe(message.text);
    expect(row.raw).toContain(`Message-ID:`);
    expect(row.raw).toContain((message.headers as Record<string, string>)['X-Brigade-Reference']);
  });

  it('keeps the invitation of a message that carries it as a text/calendar part', async () => {
    const message = aMessage({ icalEvent: { method: 'REQUEST', content: INVITATION } });

    await client.sendMail(message);

    const [row] = await kept(message.messageId);
    expect(row.calendar).toBe(INVITATION);
    expect(row.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
  });

  it('keeps the invitation of a message that carries it as an .ics attachment', async () => {
    const message = aMessage({ attachments: [{ filename: 'invite.ics', content: INVITATION, contentType: 'text/calendar; method=CANCEL' }] });

    await client.sendMail(message);

    const [row] = await kept(message.messageId);
    expect(row.calendar).toBe(INVITATION);
    expect(row.text_body?.trim()).toBe(message.text);
  });

  it('keeps a text message sent through the e-mail-to-SMS gateway, addressed to its number', async () => {
    const message = aMessage({
      to: '31612345678@sms.brigade.local', subject: undefined, text: 'Vliegende Brigade: een escalatie wacht op u. Zie het overzicht.',
      headers: { 'X-Brigade-Reference': `${randomUUID()}/9-escalationRaised-role/sms`, 'X-Brigade-Channel': 'sms' },
    });

    await client.sendMail(message);

    const [row] = await kept(message.messageId);
    expect(row).toMatchObject({ envelope_to: ['31612345678@sms.brigade.local'], calendar: null });
    expect(row.text_body?.trim()).toBe(message.text);
    expect(row.raw).toMatch(/X-Brigade-Channel: sms/);
  });

  it('keeps a retried delivery with the same Message-ID once, and acknowledges both', async () => {
    const message = aMessage();

    const first = await client.sendMail(message);
    const retry = await client.sendMail({ ...message, text: 'the same delivery, sent again after a crash' });

    expect([first.response, retry.response]).toEqual([expect.stringMatching(/^250 /), expect.stringMatching(/^250 /)]);
    const rows = await kept(message.messageId);
    expect(rows).toHaveLength(1);
    expect(rows[0].text_body?.trim()).toBe(message.text);
  });

  it('keeps a message without a Message-ID under one it makes up', async () => {
    const marker = randomUUID();
    const raw = `From: someone@brigade.local\r\nTo: x@brigade.local\r\nSubject: ${marker}\r\n\r\nno id here\r\n`;

    await client.sendMail({ envelope: { from: 'someone@brigade.local', to: ['x@brigade.local'] }, raw });

    const rows = await db.sql<MailboxRow>('SELECT * FROM embedded_mailbox WHERE subject = $1', [marker]);
    expect(rows).toEqual([expect.objectContaining({
      message_id: expect.stringMatching(/^<[0-9a-f-]{36}@embedded\.brigade\.local>$/), text_body: expect.stringMatching(/^no id here\s*$/),
    })]);
  });

  it('refuses a message over the size limit with 552 and keeps nothing of it', async () => {
    const message = aMessage({ text: 'x'.repeat(2 * 1024 * 1024 + 1) });

    const refused = await refusalOf(client.sendMail(message));

    expect(refused.responseCode).toBe(552);
    await expect(kept(message.messageId)).resolves.toEqual([]);
  });

  it('answers 451 while the message cannot be stored, acknowledging nothing, and keeps the retry once it can', async () => {
    const message = aMessage();
    await db.sql(`REVOKE INSERT ON embedded_mailbox FROM ${APP_ROLE}`);
    let refused: { responseCode?: number; response?: string };
    try {
      refused = await refusalOf(client.sendMail(message));
    } finally {
      await db.sql(`GRANT INSERT ON embedded_mailbox TO ${APP_ROLE}`);
    }

    expect(refused.responseCode).toBe(451);
    expect(refused.response).toMatch(/^451 /);
    await expect(kept(message.messageId)).resolves.toEqual([]);

    const retried = await client.sendMail(message);

    expect(retried.response).toMatch(/^250 /);
    await expect(kept(message.messageId)).resolves.toHaveLength(1);
  });

  it('tells whoever reads its address too early that it has not started', () => {
    const sut = new EmbeddedMailServer(loadBrigadeConfig({}), { keep: jest.fn() } satisfies EmbeddedMailbox);

    expect(() => sut.address.port).toThrow(/has not started yet/);
  });
});

describe('the SMTP server inside Brigade when its database connection is gone', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let address: EmbeddedSmtpAddress;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, address } = await startServer(db));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers 451 and keeps nothing', async () => {
    const client = smtpClient(address);
    const message = aMessage();
    await app.get(DataSource).destroy();

    const refused = await refusalOf(client.sendMail(message));

    client.close();
    expect(refused.responseCode).toBe(451);
    await expect(db.sql('SELECT 1 FROM embedded_mailbox WHERE message_id = $1', [message.messageId])).resolves.toEqual([]);
  });
});

describe('the SMTP server inside Brigade at start-up and shutdown', () => {
  it('fails the start-up, naming the port and the setting, when its port is taken', async () => {
    const db = await createTestDatabase();
    const first = await startServer(db);
    try {
      await expect(startServer(db, first.address.port))
        .rejects.toThrow(`the embedded SMTP server cannot listen on 127.0.0.1:${first.address.port}`);
    } finally {
      await first.app.close();
      await db.drop();
    }
  });


  it('stops listening when the app closes', async () => {
    const db = await createTestDatabase();
    try {
      const { app, address } = await startServer(db);
      const port = address.port;

      await app.close();

      await expect(connectsTo('127.0.0.1', port)).resolves.toBe(false);
    } finally {
      await db.drop();
    }
  });
});
