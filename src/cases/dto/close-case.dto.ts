import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/close`. */
export class CloseCaseDto {
  // The workflow refuses a blank summary that is sent; the API says so first, and names the field.
  @ApiPropertyOptional({ maxLength: 5000, description: 'A closing summary.', example: 'Meeting went ahead without incidents.' })
  @IsOptional() @IsCaseText(5000) readonly summary?: string;
}
