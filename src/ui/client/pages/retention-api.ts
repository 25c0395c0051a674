import type { ErasureRequestView, RetentionListView } from '../../../api-contracts/retention.contract';
import type { ErasureReason, ErasureSubjectKind } from '../../../domain/retention/erasure';
import { apiGet, apiPost } from '../api';

/** The retention screen's calls: destruction lists and erasure requests, and the four-eyes decisions on them. */
export const retentionApi = {
  lists: (signal: AbortSignal) => apiGet<RetentionListView[]>('/retention/lists', { signal }),
  decideList: (listId: string, decision: 'approve' | 'reject') => apiPost<RetentionListView>(`/retention/lists/${listId}/${decision}`),
  requests: (signal: AbortSignal) => apiGet<ErasureRequestView[]>('/erasure-requests', { signal }),
  decideRequest: (requestId: string, decision: 'approve' | 'reject') => apiPost<ErasureRequestView>(`/erasure-requests/${requestId}/${decision}`),
  request: (body: { subjectKind: ErasureSubjectKind; caseId?: string; expertId?: string; reason: ErasureReason }) =>
    apiPost<ErasureRequestView>('/erasure-requests', body),
};
