import type { CodedText } from '../i18n/catalogue/codes';
import { SealedFieldUnreadableError } from '../field-encryption/field-encryption.errors';
import { DataKeyUnreadableError } from '../key-store/key-store.errors';
import { refusal } from './refusal';

/**
 * The refusal for a sealed field or data key that exists but does not open (a damaged, swapped or replaced key file, an
 * altered ciphertext): no bug in the request and no dependency that will come back, but damage an administrator must
 * see, so the caller is told which case, field and key, never any secret; undefined for every other error.
 */
export function damagedKeyRefusal(error: unknown): CodedText | undefined {
  for (let link: unknown = error, depth = 0; link instanceof Error && depth < 10; link = link.cause, depth++) {
    if (link instanceof SealedFieldUnreadableError) {
      return refusal('sealed_field_unreadable', { caseId: link.caseId, field: link.field, keyId: link.keyId }).reason;
    }
    if (link instanceof DataKeyUnreadableError) return refusal('data_key_unreadable', { keyId: link.keyId }).reason;
  }
  return undefined;
}
