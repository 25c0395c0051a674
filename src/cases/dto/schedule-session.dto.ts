import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsRfc3339DateTime } from '../../http/rfc3339-date-time';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/session`: when the preparatory session takes place (the workflow checks it is before the event). */
export class ScheduleSessionDto {
  @ApiProperty({
    format: 'date-time', example: '2027-01-18T10:00:00+01:00',
    description: 'When the session takes place: an RFC 3339 date-time with an offset, at most two years ahead; before the event, if the case has one.',
  })
  @IsRfc3339DateTime() readonly scheduledAt: string;

  @ApiPropertyOptional({ description: 'Where, or anything else the team should know.', example: 'Town hall, room 2.' })
  @IsOptional() @IsCaseText(CASE_TEXT_LIMITS.reason) readonly note?: string;
}
