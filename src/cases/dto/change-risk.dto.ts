import { CASE_TEXT_LIMITS } from '../../domain/case-text-limits';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RISK_LEVELS, type RiskLevel } from '../../domain/case.vocabulary';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/risk`: the new risk level and why, from a coordinator or an expert on the team. */
export class ChangeRiskDto {
  @ApiProperty({ enum: RISK_LEVELS, enumName: 'RiskLevel', description: 'The new risk level.', example: 'HIGH' })
  @IsIn(RISK_LEVELS) readonly level: RiskLevel;

  @ApiProperty({ description: 'Why the risk changed.', example: 'Calls to disrupt the meeting on social media.' })
  @IsCaseText(CASE_TEXT_LIMITS.reason) readonly reason: string;
}
