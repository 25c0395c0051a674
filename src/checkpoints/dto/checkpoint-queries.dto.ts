import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToDecimalInteger } from '../../http/decimal-integer';

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

/** The query of `GET /checkpoints`: where the page starts and how long it is. */
export class CheckpointListQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'The smallest tree size to list.' })
  @IsOptional() @ToDecimalInteger() @IsInt({ message: 'fromSize must be a whole number' }) @Min(0, { message: 'fromSize must be 0 or more' })
  @Max(MAX_SIZE, { message: 'fromSize is too large' })
  readonly fromSize?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100, description: 'How many checkpoints to list at most.' })
  @IsOptional() @ToDecimalInteger() @IsInt({ message: 'limit must be a whole number' }) @Min(1, { message: 'limit must be 1 or more' })
  @Max(1000, { message: 'limit must be 1000 or less' })
  readonly limit?: number;
}

/** The query of `GET /checkpoints/consistency`: the two tree sizes to prove consistent. */
export class ConsistencyQueryDto {
  @ApiProperty({ minimum: 0, description: 'The older tree size.' })
  @ToDecimalInteger() @IsInt({ message: 'from must be a whole number' }) @Min(0, { message: 'from must be 0 or more' }) @Max(MAX_SIZE, { message: 'from is too large' })
  readonly from!: number;

  @ApiProperty({ minimum: 0, description: 'The newer tree size, at most the latest checkpoint\'s.' })
  @ToDecimalInteger() @IsInt({ message: 'to must be a whole number' }) @Min(0, { message: 'to must be 0 or more' }) @Max(MAX_SIZE, { message: 'to is too large' })
  readonly to!: number;
}

/** The query of `GET /cases/:id/inclusion-proofs`: the checkpoint to prove against. */
export class InclusionProofsQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'The tree size of a stored checkpoint; the latest checkpoint when absent.' })
  @IsOptional() @ToDecimalInteger() @IsInt({ message: 'treeSize must be a whole number' }) @Min(1, { message: 'treeSize must be 1 or more' })
  @Max(MAX_SIZE, { message: 'treeSize is too large' })
  readonly treeSize?: number;
}
