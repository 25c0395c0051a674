import { IsIn } from 'class-validator';
import { RISK_LEVELS, type RiskLevel } from '../../domain/case.vocabulary';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/risk`: the new risk level and why, from a coordinator or an expert on the team. */
export class ChangeRiskDto {
  @IsIn(RISK_LEVELS) readonly level: RiskLevel;
  @IsCaseText(2000) readonly reason: string;
}
