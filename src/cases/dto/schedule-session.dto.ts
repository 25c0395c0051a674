import { IsISO8601, IsOptional } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/session`: when the preparatory session takes place (the workflow checks it is before the event). */
export class ScheduleSessionDto {
  @IsISO8601({ strict: true, strictSeparator: true }) readonly scheduledAt: string;
  @IsOptional() @IsCaseText(2000) readonly note?: string;
}
