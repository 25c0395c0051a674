import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/evaluation`: the coordinator's evaluation of the finished case. */
export class EvaluateCaseDto {
  @ApiProperty({ description: "The coordinator's evaluation.", example: 'Early session with the mayor paid off; repeat for similar meetings.' })
  @IsCaseText() readonly summary: string;
}
