import { ApiProperty } from '@nestjs/swagger';
import { CASE_CATEGORIES, SAFETY_REGIONS, type CaseCategory, type SafetyRegion } from '../domain/case.vocabulary';
import { EXPERT_SKILLS, type ExpertSkill } from '../domain/expert-profile';
import { NOTIFICATION_LANGUAGES, type NotificationLanguage } from '../domain/notifications/notification-kinds';
import { MunicipalityRefModel } from '../http/municipality-ref.model';
import { PageModel } from '../http/page.model';
import { UnavailablePeriodDto } from './dto/unavailable-period.dto';
import type { ExpertView } from './expert.mapper';
import type { ExpertPage } from './experts.service';

/** An expert as the API shows it, for the OpenAPI document. */
export class ExpertViewModel implements ExpertView {
  @ApiProperty({ format: 'uuid' }) readonly expertId!: string;
  @ApiProperty({ example: 'Anouk de Vries' }) readonly name!: string;
  @ApiProperty({ format: 'email' }) readonly email!: string;
  @ApiProperty({ type: String, nullable: true, description: "The identity provider's subject that signs the expert in; null when their verified e-mail address does." })
  readonly identitySubject!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly phone!: string | null;
  @ApiProperty({ enum: CASE_CATEGORIES, enumName: 'CaseCategory', isArray: true }) readonly categories!: readonly CaseCategory[];
  @ApiProperty({ enum: EXPERT_SKILLS, enumName: 'ExpertSkill', isArray: true }) readonly skills!: readonly ExpertSkill[];
  @ApiProperty({ type: MunicipalityRefModel, nullable: true, description: 'Where the expert lives; null while an unmapped old value awaits a fix.' })
  readonly homeMunicipality!: MunicipalityRefModel | null;
  @ApiProperty({ type: String, nullable: true, description: 'An old free-text home that matched no register entry, for a manual fix.' })
  readonly unmappedHomeMunicipality!: string | null;
  @ApiProperty({ enum: SAFETY_REGIONS, enumName: 'SafetyRegion' }) readonly safetyRegion!: SafetyRegion;
  @ApiProperty({ type: 'integer' }) readonly capacity!: number;
  @ApiProperty({ type: [UnavailablePeriodDto] }) readonly unavailable!: readonly UnavailablePeriodDto[];
  @ApiProperty({ type: [MunicipalityRefModel] }) readonly conflictMunicipalities!: readonly MunicipalityRefModel[];
  @ApiProperty({ type: [String], description: 'Old free-text conflicts that matched no register entry, for a manual fix.' })
  readonly unmappedConflictMunicipalities!: readonly string[];
  @ApiProperty({ type: [String], example: ['nl', 'en'] }) readonly languages!: readonly string[];
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES, description: "The language of the expert's e-mails and text messages." })
  readonly notificationLanguage!: NotificationLanguage;
  @ApiProperty({ description: 'False once deactivated: no new offers.' }) readonly active!: boolean;
  @ApiProperty({ format: 'date-time' }) readonly createdAt!: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt!: string;
}

/** One page of `GET /experts`, in name order, for the OpenAPI document. */
export class ExpertPageModel extends PageModel implements ExpertPage {
  @ApiProperty({ type: [ExpertViewModel] }) readonly items!: readonly ExpertViewModel[];
}
