import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EmbeddedMailbox, ReceivedMail } from './embedded-mailbox.port';

/** The embedded mailbox in PostgreSQL's `embedded_mailbox`, one row per Message-ID. */
@Injectable()
export class PostgresEmbeddedMailbox implements EmbeddedMailbox {
  constructor(private readonly dataSource: DataSource) {}

  async keep(mail: ReceivedMail): Promise<boolean> {
    // One statement outside a transaction: it has committed when the query resolves, so the server may then answer 250.
    const kept = await this.dataSource.query<unknown[]>(
      `INSERT INTO embedded_mailbox (message_id, envelope_from, envelope_to, subject, raw, text_body, calendar)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (message_id) DO NOTHING RETURNING 1`,
      [mail.messageId, mail.envelopeFrom, [...mail.envelopeTo], mail.subject, mail.raw, mail.textBody, mail.calendar],
    );
    return kept.length > 0;
  }
}
