import { IsOptional, IsUUID } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/offers/:offerId/decline`: the expert the offer was made to, and why, if they say. */
export class DeclineOfferDto {
  @IsUUID('4') readonly expertId: string;
  @IsOptional() @IsCaseText(2000) readonly reason?: string;
}
