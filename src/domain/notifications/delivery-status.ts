/** Where a delivery stands: sent once its channel accepted it, failed once retrying gave up, pending until either. */
export const DELIVERY_STATUSES = ['sent', 'failed', 'pending'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
