import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The body of `POST /cases/:id/close`. */
export class CloseCaseDto {
  @ApiPropertyOptional({ maxLength: 5000, description: 'A closing summary.', example: 'Meeting went ahead without incidents.' })
  @IsOptional() @IsString() @MaxLength(5000) readonly summary?: string;
}
