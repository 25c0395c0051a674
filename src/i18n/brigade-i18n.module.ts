import { Module } from '@nestjs/common';
import { I18nModule } from 'nestjs-i18n';
import { CatalogueLoader } from './catalogue.loader';
import { DEFAULT_LANGUAGE } from './catalogue/languages';
import { RequestLanguageResolver } from './request-language.resolver';

/**
 * The request's language for every text the API answers: from Accept-Language by its weights (`requestLanguage`, the
 * same rule the domain texts use), Dutch when English is not preferred, not acceptable, or the header is malformed.
 */
@Module({
  imports: [
    I18nModule.forRoot({
      fallbackLanguage: DEFAULT_LANGUAGE,
      loaders: [new CatalogueLoader()],
      resolvers: [RequestLanguageResolver],
      // A missing text falls back to Dutch and then to its key; the catalogue test keeps that from happening unseen.
      logging: false,
    }),
  ],
})
export class BrigadeI18nModule {}
