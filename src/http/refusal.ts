import type { CodedText, RefusalCode } from '../i18n/catalogue/codes';
import { refusalsEn } from '../i18n/catalogue/refusals.en';
import { fillText, type TextParams } from '../i18n/catalogue/render-text';

/**
 * What an HttpException carries for a coded refusal: the reason the error body answers with, in the caller's language,
 * and an English message, which is what logs and `exception.message` show. A `detail` parameter carries technical
 * English words for operators and auditors (which leaf is missing, which key failed): it travels in `reason.params` and
 * the English message, but no text shows it, so nobody reads English in their own language's message.
 */
export interface RefusalResponse {
  readonly reason: CodedText<RefusalCode>;
  readonly message: string;
}

/** The response of a coded refusal, for `new NotFoundException(refusal('case_not_found', { caseId }))`. */
export function refusal(code: RefusalCode, params: TextParams = {}): RefusalResponse {
  const text = fillText(refusalsEn[code], params);
  return { reason: { code, params }, message: params.detail === undefined ? text : `${text} (${params.detail})` };
}
