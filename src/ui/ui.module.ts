import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { UiAssetsMiddleware } from './ui-assets.middleware';
import { UiBundle } from './ui-bundle';

/** The browser screens, served by the API process itself at /ui (same port, no second server). */
@Module({
  providers: [{ provide: UiBundle, useFactory: () => UiBundle.fromProjectRoot() }],
})
export class UiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Mounted like the JSON-only middleware: with Express's use(), so it adds no route of its own to the API's table.
    consumer.apply(UiAssetsMiddleware).forRoutes('*');
  }
}
