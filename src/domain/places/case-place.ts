import type { SupportRequest } from '../support-request';
import { municipalityCodeForName } from './place-register';

/**
 * The CBS code of a request's municipality: the recorded code, or for a request recorded before the register, the code
 * whose official name its municipality spelled; null when that name matches none (the migration reports those cases).
 */
export function municipalityCodeOfRequest(request: Pick<SupportRequest, 'municipalityCode' | 'municipality'>): string | null {
  return request.municipalityCode ?? municipalityCodeForName(request.municipality) ?? null;
}
