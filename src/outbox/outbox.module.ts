import { Module } from '@nestjs/common';
import { OutboxReaderModule } from '../notifications/outbox-reader.module';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';

/** The coordinators' outbox: `GET /outbox` and `GET /outbox/:deliveryKey`. */
@Module({
  imports: [OutboxReaderModule],
  controllers: [OutboxController],
  providers: [OutboxService],
})
export class OutboxModule {}
