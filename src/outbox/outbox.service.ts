import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { OutboxMessage, OutboxPage } from '../api-contracts/outbox.contract';
import { refusal } from '../http/refusal';
import { OUTBOX_READER, type OutboxReader } from '../notifications/outbox-reader.port';
import { calendarSummary } from './calendar-summary';
import type { OutboxQueryDto } from './dto/outbox-query.dto';

/** The coordinators' outbox: every message Brigade sent or is sending, and what became of it. */
@Injectable()
export class OutboxService {
  constructor(@Inject(OUTBOX_READER) private readonly reader: OutboxReader) {}

  async list(query: OutboxQueryDto): Promise<OutboxPage> {
    const { page, pageSize } = query;
    const { items, total } = await this.reader.page({ page, pageSize, caseId: query.caseId, status: query.status });
    return { items, total, page, pageSize };
  }

  async get(deliveryKey: string): Promise<OutboxMessage> {
    const delivery = await this.reader.find(deliveryKey);
    if (!delivery) throw new NotFoundException(refusal('delivery_not_found', { deliveryKey }));
    const receivedCopy = await this.reader.findReceivedCopy(deliveryKey, delivery.outcome?.reference ?? null);
    return { ...delivery, calendar: delivery.calendar === null ? null : calendarSummary(delivery.calendar), receivedCopy: receivedCopy ?? null };
  }
}
