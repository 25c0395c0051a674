import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsUUID, ValidateIf } from 'class-validator';
import { ERASURE_REASONS, ERASURE_SUBJECT_KINDS, type ErasureReason, type ErasureSubjectKind } from '../../domain/retention/erasure';

/** The body of `POST /erasure-requests`: whose data to erase and why, as codes; never the person's own data. */
export class CreateErasureRequestDto {
  @ApiProperty({ enum: ERASURE_SUBJECT_KINDS, description: 'An office holder a case is about, or an expert who left the pool.', example: 'expert' })
  @IsIn(ERASURE_SUBJECT_KINDS) readonly subjectKind: ErasureSubjectKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'With `officeHolder`: a case the office holder appears in; their key is the one that case sealed them under.', example: '5b1d2a4e-9c1f-4d6a-8e2b-3f4a5b6c7d8e' })
  // Required for an office holder, and checked whenever it is sent, so that no malformed value passes unseen.
  @ValidateIf((dto: CreateErasureRequestDto) => dto.subjectKind !== 'expert' || dto.caseId !== undefined) @IsUUID('4') readonly caseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'With `expert`: the id of an expert who left the pool (deactivated).', example: '0b6f2c1e-7a4d-4e8b-9c2f-1d3e5a7b9c0d' })
  // Pool ids are UUIDs, kept in lower case: an id in capitals names the same expert, and their key, not another.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @ValidateIf((dto: CreateErasureRequestDto) => dto.subjectKind === 'expert' || dto.expertId !== undefined) @IsUUID() readonly expertId?: string;

  @ApiProperty({ enum: ERASURE_REASONS, description: 'Why, as a code from a fixed list, so that nothing personal enters the record.', example: 'expert_left_pool' })
  @IsIn(ERASURE_REASONS) readonly reason: ErasureReason;
}
