import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, ValidateIf } from 'class-validator';
import { ERASURE_REASONS, ERASURE_SUBJECT_KINDS, type ErasureReason, type ErasureSubjectKind } from '../../domain/retention/erasure';

/** The body of `POST /erasure-requests`: whose data to erase and why, as codes; never the person's own data. */
export class CreateErasureRequestDto {
  @ApiProperty({ enum: ERASURE_SUBJECT_KINDS, description: 'An office holder a case is about, or an expert who left the pool.', example: 'officeHolder' })
  @IsIn(ERASURE_SUBJECT_KINDS) readonly subjectKind: ErasureSubjectKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'With `officeHolder`: a case the office holder appears in; their key is the one that case sealed them under.' })
  @ValidateIf((dto: CreateErasureRequestDto) => dto.subjectKind !== 'expert') @IsUUID() readonly caseId?: string;

  @ApiPropertyOptional({ description: 'With `expert`: the expert\'s id.', example: 'expert-anouk' })
  @ValidateIf((dto: CreateErasureRequestDto) => dto.subjectKind === 'expert') @IsString() @Matches(/^[A-Za-z0-9-]{1,100}$/) readonly expertId?: string;

  @ApiProperty({ enum: ERASURE_REASONS, description: 'Why, as a code from a fixed list, so that nothing personal enters the record.', example: 'data_subject_request' })
  @IsIn(ERASURE_REASONS) readonly reason: ErasureReason;
}
