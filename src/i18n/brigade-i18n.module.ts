import { Module } from '@nestjs/common';
import { AcceptLanguageResolver, I18nModule } from 'nestjs-i18n';
import { CatalogueLoader } from './catalogue.loader';
import { DEFAULT_LANGUAGE } from './catalogue/languages';

/**
 * The request's language for every text the API answers: from Accept-Language (`en`, `en-GB` and `en-US` read as
 * English), Dutch for anything else or nothing at all.
 */
@Module({
  imports: [
    I18nModule.forRoot({
      fallbackLanguage: DEFAULT_LANGUAGE,
      loaders: [new CatalogueLoader()],
      resolvers: [AcceptLanguageResolver],
      // A missing text falls back to Dutch and then to its key; the catalogue test keeps that from happening unseen.
      logging: false,
    }),
  ],
})
export class BrigadeI18nModule {}
