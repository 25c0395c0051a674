import Negotiator from 'negotiator';
import { CATALOGUE_LANGUAGES, DEFAULT_LANGUAGE, type CatalogueLanguage } from './catalogue/languages';

/** Every `q` parameter of a header, with its value as written (`en;q=abc` gives `abc`, `en;q=` gives ``). */
const WEIGHT = /;\s*q\s*=\s*([^,;]*)/gi;
/** RFC 9110's qvalue: 0 to 1 with at most three decimals. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The catalogue language of a request, from its `Accept-Language` header, by negotiator's reading of the weights: the
 * language the client weighs highest of those Brigade speaks (`*` stands for either, Dutch first), Dutch when it finds
 * none acceptable (`en;q=0`, `fr`) or when a weight is not a qvalue (`en;q=abc`, `en;q=2`), since a header that says
 * something else than it seems to is no reason to leave the default. The one rule for every text the API answers.
 */
export function requestLanguage(acceptLanguage: string | readonly string[] | undefined): CatalogueLanguage {
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : acceptLanguage?.join(', ');
  if (header === undefined || hasMalformedWeight(header)) return DEFAULT_LANGUAGE;
  const best = new Negotiator({ headers: { 'accept-language': header } }).language(CATALOGUE_LANGUAGES);
  return CATALOGUE_LANGUAGES.find((language) => language === best) ?? DEFAULT_LANGUAGE;
}

function hasMalformedWeight(header: string): boolean {
  return [...header.matchAll(WEIGHT)].some(([, weight]) => !QVALUE.test(weight.trim()));
}
