import { PartialType } from '@nestjs/swagger';
import { CreateExpertDto } from './create-expert.dto';

/** The body of `PATCH /experts/:id`: any of the creation fields, under the same rules; only `phone` may be null (to clear it). */
export class UpdateExpertDto extends PartialType(CreateExpertDto, { skipNullProperties: false }) {}
