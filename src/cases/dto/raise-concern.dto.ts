import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/concerns`: the concern of an expert on the team. */
export class RaiseConcernDto {
  @ApiProperty({ description: 'The concern, for the coordinators to act on.', example: 'The venue has no second exit.' })
  @IsCaseText() readonly concern: string;
}
