import { DESTROYED } from '../domain/sensitive-fields';
import type { DataKeyLookup, DataKeyStore } from '../key-store/data-key-store.port';
import { expertKeysOf } from './expert-keys';
import { sealValue } from './field-cipher';
import { openSeal } from './open-seal';
import { sealedAsText, sealedInText, sealedKeyId } from './sealed-value';

/** The texts of a message that name or reach its recipient (address, body, calendar, raw source), by column. */
export type MessageTexts = Readonly<Record<string, string | null>>;

/**
 * Seals the texts of a message sent to an expert under that expert's key, so that erasing the expert erases their
 * address and the greeting with their name from the outbox and the embedded mailbox too; messages to roles and partner
 * contact points stay as they are. Each text is bound to its case, message and column.
 */
export class ExpertMessageSealer {
  constructor(private readonly keyStore: DataKeyStore) {}

  /** The texts sealed under the expert's key; as they are for an id that cannot name a key, `DESTROYED` once the key is gone. */
  async seal(caseId: string, messageId: string, expertId: string, texts: MessageTexts): Promise<MessageTexts> {
    const key = (await expertKeysOf([expertId], this.keyStore)).get(expertId)!;
    if (key === 'none') return texts;
    return Object.fromEntries(Object.entries(texts).map(([column, text]) => {
      if (text === null || sealedInText(text) !== undefined) return [column, text];
      return [column, key === 'destroyed' ? DESTROYED : sealedAsText(sealValue(text, key, placeOf(caseId, messageId, column)))];
    }));
  }

  /** The texts opened: as written while the key exists, `DESTROYED` once it was destroyed, plain ones as they are. */
  async open(caseId: string, messageId: string, texts: MessageTexts): Promise<MessageTexts> {
    const lookups = new Map<string, DataKeyLookup>();
    for (const text of Object.values(texts)) {
      const sealed = sealedInText(text);
      if (sealed && !lookups.has(sealedKeyId(sealed))) lookups.set(sealedKeyId(sealed), await this.keyStore.find(sealedKeyId(sealed)));
    }
    return Object.fromEntries(Object.entries(texts).map(([column, text]) => {
      const sealed = sealedInText(text);
      if (!sealed) return [column, text];
      const { caseId: scope, field } = placeOf(caseId, messageId, column);
      return [column, openSeal(sealed, lookups, scope, field) as string];
    }));
  }
}

function placeOf(caseId: string, messageId: string, column: string) {
  return { caseId, field: `message:${messageId}:${column}` };
}
