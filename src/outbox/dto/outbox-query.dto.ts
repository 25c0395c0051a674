import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../domain/notifications/delivery-status';
import { PageQueryDto } from '../../http/page-query.dto';

/** The query of `GET /outbox`: optional filters and a page (1-based, 20 per page unless asked otherwise). */
export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the messages of this case.' })
  // Case ids are recorded in lower case; UUIDs are not case-sensitive, the comparison is.
  @IsOptional() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value)) @IsUUID('4')
  readonly caseId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus', description: 'Only the messages that are sent, failed, or still pending.' })
  @IsOptional() @IsIn(DELIVERY_STATUSES) readonly status?: DeliveryStatus;
}
