const NAME_MAX_CHARACTERS = 80;
const CONTACT_MAX_CHARACTERS = 120;
const LINK_MAX_CHARACTERS = 500;

/**
 * Keeps a recipient's name to letters, marks, spaces and the signs names use (. ' ’ -), on one line and capped, so a
 * name can neither break a line nor smuggle a link or an address into the greeting; undefined when nothing is left.
 */
export function cleanName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const kept = raw.normalize('NFC').replace(/[^\p{L}\p{M}\p{Zs}.'’-]/gu, ' ').replace(/\s+/gu, ' ').trim();
  // Cut by code points, not UTF-16 units, so that a cap never leaves half a character behind.
  const capped = Array.from(kept).slice(0, NAME_MAX_CHARACTERS).join('').trim();
  return capped === '' ? undefined : capped;
}

/** Puts a configured phone number or address on one line, without control or invisible formatting characters. */
export function cleanContactValue(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const oneLine = raw.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/gu, ' ').trim();
  const capped = Array.from(oneLine).slice(0, CONTACT_MAX_CHARACTERS).join('').trim();
  return capped === '' ? undefined : capped;
}

/** Accepts the link to the screens only as an absolute http(s) URL on one line, so it can be printed as given. */
export function checkedLink(link: string | undefined): string {
  if (link === undefined) throw new Error('A message to someone with an account needs the link to the screens.');
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error('The link to the screens must be an absolute URL.');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || /[\s\p{Cc}\p{Cf}]/u.test(link) || link.length > LINK_MAX_CHARACTERS) {
    throw new Error('The link to the screens must be one http(s) URL without spaces or control characters.');
  }
  return link;
}
