import type { PartnerContactDetail, PartnerContactView } from '../../../api-contracts/partner-contacts.contract';
import { apiGet, apiPost, callApi, queryString } from '../api';

const contactPath = (contactId: string) => `/partner-contacts/${encodeURIComponent(contactId)}`;

/** The calls the partners screen makes: the coordinators' routes of the partner directory. */
export const partnersApi = {
  list: (filter: { partner: string; onlyActive: boolean }, signal: AbortSignal) =>
    apiGet<PartnerContactView[]>(`/partner-contacts${queryString({ partner: filter.partner, active: filter.onlyActive ? 'true' : undefined })}`, { signal }),
  get: (contactId: string, signal: AbortSignal) => apiGet<PartnerContactDetail>(contactPath(contactId), { signal }),
  create: (body: unknown) => apiPost<PartnerContactDetail>('/partner-contacts', body),
  update: (contactId: string, body: unknown) => callApi<PartnerContactDetail>('PATCH', contactPath(contactId), { body }),
  deactivate: (contactId: string) => callApi<PartnerContactDetail>('DELETE', contactPath(contactId)),
};
