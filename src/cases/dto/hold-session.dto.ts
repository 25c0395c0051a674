import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/session/held`: the session's outcomes, recorded by the lead or a coordinator. */
export class HoldSessionDto {
  @ApiProperty({ description: 'What the preparatory session agreed.', example: 'Roles agreed; the mayor chairs, the lead stays at the door.' })
  @IsCaseText() readonly outcomes: string;
}
