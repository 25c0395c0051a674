import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { CreateExpertDto } from './create-expert.dto';

/**
 * The body of `PATCH /experts/:id`: any of the creation fields, under the same rules (only `phone` may be null, to clear
 * it), and the provider subject that links the expert's sign-in, set once the expert has an account there.
 */
export class UpdateExpertDto extends PartialType(CreateExpertDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({
    type: String, nullable: true, maxLength: 255, pattern: '^[\\x21-\\x7e]{1,255}$', example: 'f3a9c2d1-idp-subject',
    description: "The identity provider's subject (`sub`) that signs this expert in; without it, a verified e-mail address equal to `email` does. On update, null unlinks it.",
  })
  @IsOptional() @IsString() @Matches(/^[\x21-\x7e]{1,255}$/, { message: 'identitySubject must be 1 to 255 visible ASCII characters, without spaces' })
  readonly identitySubject?: string | null;
}
