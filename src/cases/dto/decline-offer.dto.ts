import { IsOptional } from 'class-validator';
import { IsCaseText } from './case-text';

/** The body of `POST /cases/:id/offers/:offerId/decline`: why the expert declines, if they say. */
export class DeclineOfferDto {
  @IsOptional() @IsCaseText(2000) readonly reason?: string;
}
