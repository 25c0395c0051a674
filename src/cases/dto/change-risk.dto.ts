import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { RISK_LEVELS, type RiskLevel } from '../../domain/case.vocabulary';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/risk`: the new risk level and why, from a team expert (`expertId`) or else the coordinator. */
export class ChangeRiskDto {
  @IsIn(RISK_LEVELS) readonly level: RiskLevel;
  @IsCaseText(2000) readonly reason: string;
  @IsOptional() @IsUUID('4') readonly expertId?: string;
}
