import { ApiProperty } from '@nestjs/swagger';
import type { StoredCheckpoint } from './stored-checkpoint';

const NOTE_EXAMPLE = 'brigade.local/case-events\n1024\nq3xG1gE5Z0k1Xvb1H2g4Qm9Q8pXx7gX1mJtZ2b8nVYw=\n\n— brigade.local/case-events Az3grlgtzPICa5OS8npBqPvT9w...\n';

/** A signed checkpoint, for the OpenAPI document. */
export class CheckpointModel implements StoredCheckpoint {
  @ApiProperty({ type: 'integer', example: 1024, description: 'How many leaves (events) the checkpoint covers.' }) readonly treeSize!: number;
  @ApiProperty({ example: 'ab7c…', description: 'The RFC 6962 Merkle tree root at that size, hex-encoded.' }) readonly rootHash!: string;
  @ApiProperty({ example: '033de0ae', description: 'The signing key\'s id: the first four bytes of every signature line.' }) readonly keyId!: string;
  @ApiProperty({ example: NOTE_EXAMPLE, description: 'The checkpoint as a C2SP signed note (tlog-checkpoint body, Ed25519 signature line).' })
  readonly signedNote!: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt!: string;
}

/** A page of checkpoints, for the OpenAPI document. */
export class CheckpointListModel {
  @ApiProperty({ type: [CheckpointModel], description: 'Smallest tree first.' }) readonly checkpoints!: CheckpointModel[];
}

/** What `POST /checkpoints` did, for the OpenAPI document. */
export class CheckpointOutcomeModel {
  @ApiProperty({ type: CheckpointModel, nullable: true, description: 'The newest checkpoint; null while the log is empty.' })
  readonly checkpoint!: CheckpointModel | null;
  @ApiProperty({ description: 'False when no event arrived since the newest checkpoint, which is then returned as it is.' }) readonly created!: boolean;
}

/** The log's public key, for the OpenAPI document. */
export class LogPublicKeyModel {
  @ApiProperty({ example: 'brigade.local/case-events', description: 'The log\'s origin: the first line of its checkpoints and its key\'s name.' })
  readonly origin!: string;
  @ApiProperty({ example: '033de0ae' }) readonly keyId!: string;
  @ApiProperty({ example: 'brigade.local/case-events+033de0ae+AW0…', description: 'The verifier key in the <name>+<id>+<key> form of signed-note tools.' })
  readonly verifierKey!: string;
  @ApiProperty({ description: 'The Ed25519 public key as PEM (SPKI), for `brigade audit verify --key`.' }) readonly publicKeyPem!: string;
}

/** A consistency proof between two tree sizes, for the OpenAPI document. */
export class ConsistencyProofModel {
  @ApiProperty({ type: 'integer' }) readonly fromSize!: number;
  @ApiProperty({ type: 'integer' }) readonly toSize!: number;
  @ApiProperty({ description: 'The root at fromSize, hex.' }) readonly fromRoot!: string;
  @ApiProperty({ description: 'The root at toSize, hex.' }) readonly toRoot!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 consistency proof: hex hashes.' }) readonly proof!: string[];
  @ApiProperty({
    type: String, nullable: true,
    description: 'The signed checkpoint at toSize when one was made there: saved as a file, this answer is what `brigade audit verify --checkpoint` takes.',
  })
  readonly toCheckpoint!: string | null;
}

/** One event's leaf and inclusion proof, for the OpenAPI document. */
export class LogEntryModel {
  @ApiProperty({ type: 'integer' }) readonly version!: number;
  @ApiProperty({ type: 'integer', description: 'The event\'s leaf index: its place in the log, in commit order.' }) readonly leafIndex!: number;
  @ApiProperty({ description: 'The event hash the leaf recorded (the leaf data), hex.' }) readonly eventHash!: string;
  @ApiProperty({ type: [String], nullable: true, description: 'RFC 9162 inclusion proof against the checkpoint; null for a leaf the checkpoint does not cover yet.' })
  readonly proof!: string[] | null;
}

/** A case's inclusion proofs, for the OpenAPI document. */
export class CaseInclusionProofsModel {
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ type: CheckpointModel, nullable: true }) readonly checkpoint!: CheckpointModel | null;
  @ApiProperty({ type: [LogEntryModel] }) readonly entries!: LogEntryModel[];
}
