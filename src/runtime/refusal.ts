import type { CodedText, RefusalCode } from '../i18n/catalogue/codes';
import { refusalsEn } from '../i18n/catalogue/refusals.en';
import { fillText, type TextParams } from '../i18n/catalogue/render-text';

/**
 * What an HttpException carries for a coded refusal: the reason the error body answers with, in the caller's language,
 * and an English message, which is what logs and `exception.message` show.
 */
export interface RefusalResponse {
  readonly reason: CodedText<RefusalCode>;
  readonly message: string;
}

/** The response of a coded refusal, for `new NotFoundException(refusal('case_not_found', { caseId }))`. */
export function refusal(code: RefusalCode, params: TextParams = {}): RefusalResponse {
  return { reason: { code, params }, message: fillText(refusalsEn[code], params) };
}
