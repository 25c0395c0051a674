import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/follow-ups/:followUpId`: the lead's check-in and whether the risk goes on. */
export class CompleteFollowUpDto {
  @ApiProperty({ description: 'Whether the risk to the office holder goes on.', example: false })
  @IsBoolean() readonly ongoingRisk: boolean;

  @ApiProperty({ description: "The lead's notes from the check-in.", example: 'The alderman reports no further threats.' })
  @IsCaseText() readonly notes: string;
}
