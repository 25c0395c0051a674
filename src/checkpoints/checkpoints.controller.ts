import { BadRequestException, ConflictException, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { ApiCaseIdParam, caseId } from '../http/case-id-param';
import { ApiErrorResponses } from '../http/api-error-responses';
import { CaseLogService, UnknownCheckpointError } from './case-log.service';
import { CheckpointMakerService, LogRewrittenError } from './checkpoint-maker.service';
import {
  CaseInclusionProofsModel, CheckpointListModel, CheckpointModel, CheckpointOutcomeModel, ConsistencyProofModel, LogPublicKeyModel,
} from './checkpoint.model';
import { CheckpointRepository } from './checkpoint.repository';
import { CheckpointListQueryDto, ConsistencyQueryDto, InclusionProofsQueryDto } from './dto/checkpoint-queries.dto';
import { LOG_KEYS } from './log-keys.provider';
import { MissingLeafError } from './log-leaves.repository';
import type { LogKeys } from './log-keys';
import { LogTreeService } from './log-tree.service';
import { refusal } from '../http/refusal';


/** Auditor routes of the transparency log: its signed checkpoints, its public key, and consistency proofs between checkpoints. */
@ApiTags('transparency log')
@Controller('checkpoints')
export class CheckpointsController {
  constructor(
    private readonly checkpoints: CheckpointRepository,
    private readonly maker: CheckpointMakerService,
    private readonly tree: LogTreeService,
    @Inject(LOG_KEYS) private readonly keys: LogKeys,
  ) {}

  @Get('latest')
  @Allow('auditor')
  @ApiOperation({ summary: 'The newest signed checkpoint over all case events' })
  @ApiOkResponse({ type: CheckpointModel, description: 'The checkpoint over the largest tree.' })
  @ApiErrorResponses({ 404: 'No checkpoint has been made yet.' })
  async latest() {
    const latest = await this.checkpoints.latest();
    if (!latest) throw new NotFoundException(refusal('no_checkpoint'));
    return latest;
  }

  @Get()
  @Allow('auditor')
  @ApiOperation({ summary: 'Signed checkpoints from a tree size on, smallest first' })
  @ApiOkResponse({ type: CheckpointListModel, description: 'Up to `limit` checkpoints, smallest tree first.' })
  @ApiErrorResponses({ 400: 'fromSize or limit is not a whole number in range.' })
  async list(@Query() query: CheckpointListQueryDto) {
    return { checkpoints: await this.checkpoints.list(query.fromSize ?? 0, query.limit ?? 100) };
  }

  @Post()
  @HttpCode(200)
  @Allow('auditor')
  @ApiOperation({ summary: 'Sign a checkpoint now, when events arrived since the newest one' })
  @ApiOkResponse({ type: CheckpointOutcomeModel, description: 'The newest checkpoint, and whether this call signed it.' })
  @ApiErrorResponses({ 409: 'The log no longer matches a checkpoint already signed, so nothing is signed; `brigade audit verify --all` says where.' })
  async make() {
    try {
      return await this.maker.make();
    } catch (error) {
      if (error instanceof LogRewrittenError || error instanceof MissingLeafError) throw new ConflictException(refusal('log_inconsistent', { detail: error.message }));
      throw error;
    }
  }

  @Get('public-key')
  @Allow('auditor')
  @ApiOperation({ summary: 'The public key that checks the checkpoints\' signatures' })
  @ApiOkResponse({ type: LogPublicKeyModel, description: 'The key as verifier-key text and as PEM.' })
  publicKey() {
    const { origin, keyId, verifierKey, publicKey } = this.keys;
    return { origin, keyId, verifierKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  }

  @Get('consistency')
  @Allow('auditor')
  @ApiOperation({ summary: 'A proof that the tree at `to` leaves extends the tree at `from` leaves without changing it' })
  @ApiOkResponse({ type: ConsistencyProofModel, description: 'Both roots and the proof; the signed checkpoint at `to` when there is one.' })
  @ApiErrorResponses({ 400: 'from or to is not a whole number, from is larger than to, or to is beyond the newest checkpoint.' })
  async consistency(@Query() { from, to }: ConsistencyQueryDto) {
    const latest = await this.checkpoints.latest();
    if (from > to) throw new BadRequestException(refusal('range_reversed', { from, to }));
    if (!latest || to > latest.treeSize) throw new BadRequestException(refusal('range_beyond_checkpoint', { to, treeSize: latest?.treeSize ?? 0 }));
    const [tree, toCheckpoint] = await Promise.all([this.tree.synced(), this.checkpoints.atSize(to)]);
    return {
      fromSize: from, toSize: to, fromRoot: tree.rootAt(from).toString('hex'), toRoot: tree.rootAt(to).toString('hex'),
      proof: tree.consistencyProof(from, to).map((hash) => hash.toString('hex')),
      toCheckpoint: toCheckpoint?.signedNote ?? null,
    };
  }
}

/** The auditor route that proves each event of a case included in a checkpoint. */
@ApiTags('transparency log')
@Controller('cases')
export class CaseInclusionController {
  constructor(private readonly caseLog: CaseLogService) {}

  @Get(':id/inclusion-proofs')
  @Allow('auditor')
  @ApiOperation({ summary: 'Each event of a case as a leaf of the transparency log, with its inclusion proof against a checkpoint' })
  @ApiCaseIdParam()
  @ApiOkResponse({ type: CaseInclusionProofsModel, description: 'The checkpoint, and per event its leaf and proof.' })
  @ApiErrorResponses({ 400: 'The case id is not a UUID, or treeSize is not a whole number from 1.', 404: 'No case with this id, or no checkpoint at that tree size.' })
  async inclusionProofs(@Param('id', caseId) id: string, @Query() query: InclusionProofsQueryDto) {
    try {
      const proofs = await this.caseLog.inclusionProofs(id, query.treeSize);
      if (proofs.entries.length === 0) throw new NotFoundException(refusal('case_not_found', { caseId: id }));
      return proofs;
    } catch (error) {
      if (error instanceof UnknownCheckpointError) throw new NotFoundException(refusal('unknown_checkpoint', { detail: error.message }));
      throw error;
    }
  }
}
