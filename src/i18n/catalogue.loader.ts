import { I18nLoader, type I18nTranslation } from 'nestjs-i18n';
import { CATALOGUE } from './catalogue/catalogue';
import { CATALOGUE_LANGUAGES } from './catalogue/languages';

/** Feeds nestjs-i18n from the compiled message catalogue rather than from files, so server and screens read one source. */
export class CatalogueLoader extends I18nLoader {
  languages(): Promise<string[]> {
    return Promise.resolve([...CATALOGUE_LANGUAGES]);
  }

  load(): Promise<I18nTranslation> {
    return Promise.resolve(CATALOGUE as unknown as I18nTranslation);
  }
}
