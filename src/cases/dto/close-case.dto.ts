import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The body of `POST /cases/:id/close`. */
export class CloseCaseDto {
  @IsOptional() @IsString() @MaxLength(5000) readonly summary?: string;
}
