/**
 * What a kept copy in the embedded mailbox is bound to when its texts are sealed: the mailbox and its Message-ID,
 * since a copy has no case of its own (its sender's delivery has).
 */
export const MAILBOX_SCOPE = 'embedded-mailbox';

/** A copy's envelope recipients as sealable texts, one column per position. */
export function envelopeTexts(envelopeTo: readonly string[]): Record<string, string> {
  return Object.fromEntries(envelopeTo.map((address, index) => [`envelope_to.${index}`, address]));
}
