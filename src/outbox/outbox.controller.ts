import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutboxMessage, OutboxPage } from '../api-contracts/outbox.contract';
import { Allow } from '../auth/allow.decorator';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ApiDeliveryKeyParam, DeliveryKeyParamPipe } from './delivery-key-param';
import { OutboxQueryDto } from './dto/outbox-query.dto';
import { OutboxMessageModel, OutboxPageModel } from './outbox.models';
import { OutboxService } from './outbox.service';

const deliveryKey = new DeliveryKeyParamPipe();

/** The coordinators' outbox: the messages Brigade sent to experts, coordinators and partners, and how each went. */
@ApiTags('outbox')
@Allow('coordinator')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ summary: 'List the messages Brigade sent or is sending, newest first, with filters and paging' })
  @ApiOkResponse({ type: OutboxPageModel, description: 'One page of messages.' })
  @ApiErrorResponses({ 400: 'A filter or paging parameter is malformed or unknown; `fields` names each.' })
  list(@Query() query: OutboxQueryDto): Promise<OutboxPage> {
    return this.outbox.list(query);
  }

  @Get(':deliveryKey')
  @ApiOperation({ summary: 'Show one message: as sent, every try, how it ended, and the copy the embedded SMTP server received' })
  @ApiDeliveryKeyParam()
  @ApiOkResponse({ type: OutboxMessageModel, description: 'The message.' })
  @ApiErrorResponses({ 400: 'The delivery key is malformed.', 404: 'No message has this delivery key.' })
  get(@Param('deliveryKey', deliveryKey) key: string): Promise<OutboxMessage> {
    return this.outbox.get(key);
  }
}
