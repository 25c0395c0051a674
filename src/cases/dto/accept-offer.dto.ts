/** The body of `POST /cases/:id/offers/:offerId/accept`: empty, since the token says which expert accepts. */
export class AcceptOfferDto {}
