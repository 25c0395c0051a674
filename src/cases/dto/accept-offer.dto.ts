import { IsUUID } from 'class-validator';

/** The body of `POST /cases/:id/offers/:offerId/accept`: the expert the offer was made to. */
export class AcceptOfferDto {
  @IsUUID('4') readonly expertId: string;
}
