import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsInt, Min, Max } from 'class-validator';
import { CreatePartnerContactDto } from './create-partner-contact.dto';

/**
 * The body of `PATCH /partner-contacts/:id`: the version the change was made on, and any of the name, e-mail address,
 * phone number and language under the creation rules (the two addresses may be null, to clear one). A contact point
 * keeps its partner and region: another region is another contact point.
 */
export class UpdatePartnerContactDto extends PartialType(PickType(CreatePartnerContactDto, ['name', 'email', 'phone', 'language'] as const), { skipNullProperties: false }) {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'The version of the contact point as read; when it has changed since, the answer is 409 and nothing changes.' })
  // A version is a PostgreSQL integer; 1e300 is a JavaScript integer but no version.
  @IsInt() @Min(1) @Max(2_147_483_647) readonly version: number;
}
