import { ApiProperty } from '@nestjs/swagger';
import { SAFETY_REGIONS, type SafetyRegion } from '../domain/case.vocabulary';
import { NOTIFICATION_LANGUAGES, PARTNERS, type NotificationLanguage, type Partner } from '../domain/notifications/notification-kinds';
import {
  PARTNER_CONTACT_ACTIONS, type FieldChange, type PartnerContactAction, type PartnerContactChangeView, type PartnerContactDetail,
  type PartnerContactView,
} from '../api-contracts/partner-contacts.contract';

/** A partner's contact point as the API shows it, for the OpenAPI document. */
export class PartnerContactViewModel implements PartnerContactView {
  @ApiProperty({ format: 'uuid' }) readonly contactId!: string;
  @ApiProperty({ enum: PARTNERS, enumName: 'Partner' }) readonly partner!: Partner;
  @ApiProperty({ enum: SAFETY_REGIONS, enumName: 'SafetyRegion', nullable: true, description: "Null for the partner's national desk." })
  readonly safetyRegion!: SafetyRegion | null;
  @ApiProperty({ example: 'Politie Eenheid Midden-Nederland' }) readonly name!: string;
  @ApiProperty({ type: String, format: 'email', nullable: true }) readonly email!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+3197010000001', description: 'E.164.' }) readonly phone!: string | null;
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES }) readonly language!: NotificationLanguage;
  @ApiProperty({ description: 'False once deactivated: no more messages go to it.' }) readonly active!: boolean;
  @ApiProperty({ type: 'integer', description: 'Grows by one with every change; a change names the version it was made on.' }) readonly version!: number;
  @ApiProperty({ format: 'date-time' }) readonly createdAt!: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt!: string;
}

/** One field's value before and after a change, for the OpenAPI document. */
export class FieldChangeModel implements FieldChange {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'boolean' }], nullable: true, description: 'Null for a field the contact point did not have.' })
  readonly from!: string | boolean | null;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'boolean' }], nullable: true }) readonly to!: string | boolean | null;
}

/** Who made a change, as their token said, for the OpenAPI document. */
export class ChangeActorModel {
  @ApiProperty({ example: 'coordinator', description: 'A role, or `system` for the seed command.' }) readonly role!: string;
  @ApiProperty({ example: 'c.jansen', description: "The token's subject." }) readonly id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The name the identity provider gave, when it gave one.' }) readonly name!: string | null;
}

/** One recorded change of a contact point, for the OpenAPI document. */
export class PartnerContactChangeModel implements PartnerContactChangeView {
  @ApiProperty({ example: '42', description: 'Orders the changes of all contact points.' }) readonly changeId!: string;
  @ApiProperty({ enum: PARTNER_CONTACT_ACTIONS }) readonly action!: PartnerContactAction;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/FieldChangeModel' }, description: 'The fields the change touched, by name.' })
  readonly changes!: Readonly<Record<string, FieldChangeModel>>;
  @ApiProperty({ type: 'integer', description: "The contact point's version after the change." }) readonly version!: number;
  @ApiProperty({ type: ChangeActorModel }) readonly actor!: ChangeActorModel;
  @ApiProperty({ format: 'date-time' }) readonly occurredAt!: string;
}

/** A contact point with its changes, oldest first, for the OpenAPI document. */
export class PartnerContactDetailModel extends PartnerContactViewModel implements PartnerContactDetail {
  @ApiProperty({ type: [PartnerContactChangeModel] }) readonly history!: readonly PartnerContactChangeModel[];
}
