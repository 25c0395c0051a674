import { Module } from '@nestjs/common';
import { CaseLogService } from './case-log.service';
import { CheckpointMakerService } from './checkpoint-maker.service';
import { CheckpointRepository } from './checkpoint.repository';
import { CaseInclusionController, CheckpointsController } from './checkpoints.controller';
import { logKeysProvider, LOG_KEYS } from './log-keys.provider';
import { LogLeavesRepository } from './log-leaves.repository';
import { LogTreeService } from './log-tree.service';

/** The transparency log over all case events: its tree, its signed checkpoints, and the proofs auditors check them with. */
@Module({
  controllers: [CheckpointsController, CaseInclusionController],
  providers: [logKeysProvider, LogLeavesRepository, LogTreeService, CheckpointRepository, CheckpointMakerService, CaseLogService],
  exports: [CaseLogService, CheckpointRepository, LOG_KEYS],
})
export class CheckpointsModule {}
