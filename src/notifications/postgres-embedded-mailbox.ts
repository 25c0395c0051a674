import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ExpertMessageSealer } from '../field-encryption/expert-message-sealer';
import type { EmbeddedMailbox, ReceivedMail } from './embedded-mailbox.port';
import { MAILBOX_SCOPE, envelopeTexts } from './mailbox-sealing';
import { BRIGADE_REFERENCE_HEADER, headerValue } from './mail-headers';

/**
 * The embedded mailbox in PostgreSQL's `embedded_mailbox`, one row per Message-ID. A copy of a message Brigade sent
 * to an expert (its delivery named by the reference header) keeps its recipients, source, text and invitation sealed
 * under the expert's key, as the ledger does, so that erasing the expert erases the copies too.
 */
@Injectable()
export class PostgresEmbeddedMailbox implements EmbeddedMailbox {
  constructor(private readonly dataSource: DataSource, private readonly sealer: ExpertMessageSealer) {}

  async keep(mail: ReceivedMail): Promise<boolean> {
    const texts = await this.sealedForExpert(mail);
    const envelopeTo = mail.envelopeTo.map((address, index) => texts[`envelope_to.${index}`] ?? address);
    // One statement outside a transaction: it has committed when the query resolves, so the server may then answer 250.
    const kept = await this.dataSource.query<unknown[]>(
      `INSERT INTO embedded_mailbox (message_id, envelope_from, envelope_to, subject, raw, text_body, calendar)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (message_id) DO NOTHING RETURNING 1`,
      [mail.messageId, mail.envelopeFrom, envelopeTo, mail.subject, texts.raw, texts.text_body, texts.calendar],
    );
    return kept.length > 0;
  }

  private async sealedForExpert(mail: ReceivedMail): Promise<Record<string, string | null>> {
    const texts = { raw: mail.raw, text_body: mail.textBody, calendar: mail.calendar, ...envelopeTexts(mail.envelopeTo) };
    const deliveryKey = headerValue(mail.raw, BRIGADE_REFERENCE_HEADER);
    if (!deliveryKey) return texts;
    const [delivery] = await this.dataSource.query<Array<{ recipient_kind: string; recipient_id: string }>>(
      'SELECT recipient_kind, recipient_id FROM notification_deliveries WHERE delivery_key = $1', [deliveryKey]);
    if (delivery?.recipient_kind !== 'expert') return texts;
    return { ...await this.sealer.seal(MAILBOX_SCOPE, mail.messageId, delivery.recipient_id, texts) };
  }
}
