import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/session`: when the preparatory session takes place (the workflow checks it is before the event). */
export class ScheduleSessionDto {
  @ApiProperty({ format: 'date-time', description: 'When the session takes place; before the event, if the case has one.', example: '2027-01-18T10:00:00.000Z' })
  @IsISO8601({ strict: true, strictSeparator: true }) readonly scheduledAt: string;

  @ApiPropertyOptional({ description: 'Where, or anything else the team should know.', example: 'Town hall, room 2.' })
  @IsOptional() @IsCaseText(2000) readonly note?: string;
}
