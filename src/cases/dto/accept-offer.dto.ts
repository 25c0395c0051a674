import { ApiSchema } from '@nestjs/swagger';

/** The body of `POST /cases/:id/offers/:offerId/accept`: empty, since the token says which expert accepts. */
@ApiSchema({ description: 'An empty object: the token says which expert accepts.' })
export class AcceptOfferDto {}
