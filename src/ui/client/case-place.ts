import type { CaseState } from '../../domain/case.state';
import { REGION_NAMES } from './region-names';

/** Where a case is, as two separate facts: the municipality's name, and its safety region's name alone. */
export function casePlace(state: Pick<CaseState, 'municipality' | 'safetyRegion'>): { readonly municipality: string; readonly safetyRegion: string } {
  return { municipality: state.municipality, safetyRegion: REGION_NAMES[state.safetyRegion] };
}
