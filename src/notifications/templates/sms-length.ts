// GSM 03.38: the basic alphabet costs one unit a character, the extension table two (escape plus character).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

/** A single text message holds 160 GSM units; 306 is two joined parts, the most a Brigade text message may take. */
export const SMS_MAX_GSM_UNITS = 306;

/** How many GSM 03.38 units a text takes, or undefined when a character outside that alphabet forces UCS-2. */
export function gsmUnits(text: string): number | undefined {
  let units = 0;
  for (const character of text) {
    if (GSM_BASIC.has(character)) units += 1;
    else if (GSM_EXTENSION.has(character)) units += 2;
    else return undefined;
  }
  return units;
}

/** Whether a text fits in two joined text messages (306 GSM units, or 134 UCS-2 characters when it needs those). */
export function fitsInSms(text: string): boolean {
  const units = gsmUnits(text);
  return units === undefined ? text.length <= 134 : units <= SMS_MAX_GSM_UNITS;
}
