import type { KoaContextWithOIDC } from 'oidc-provider';
import type { BrigadeConfig } from '../config/brigade-config';
import { pageHeaders } from './page-headers';
import { pageLanguage, withLanguage } from './page-language';
import { errorPage, signedOutPage, signOutPage, type PageFrame } from './provider-pages';
import { PROVIDER_TEXTS } from './provider-texts';

/** The pages oidc-provider renders itself (sign-out, signed out, errors), in Brigade's look and language. */
export class ProviderPages {
  constructor(private readonly config: BrigadeConfig) {}

  /**
   * The sign-out question; for Brigade's own client that proved itself with a valid `id_token_hint` (the provider has
   * checked it before it calls this), the page signs out at once, so a person who chose to sign out is not asked again.
   */
  signOut(ctx: KoaContextWithOIDC, form: string): void {
    const automatic = ctx.oidc.client?.clientId === this.config.oidc.clientId && ctx.oidc.entities.IdTokenHint !== undefined;
    this.send(ctx, 200, (frame) => signOutPage(frame, form, automatic));
  }

  signedOut(ctx: KoaContextWithOIDC): void {
    this.send(ctx, 200, (frame) => signedOutPage(frame));
  }

  error(ctx: KoaContextWithOIDC, out: Readonly<Record<string, unknown>>): void {
    this.send(ctx, ctx.status >= 400 ? ctx.status : 400, (frame) => errorPage(frame, out));
  }

  private send(ctx: KoaContextWithOIDC, status: number, render: (frame: PageFrame) => string): void {
    // Express strips the mount path from req.url before Koa copies it; Express's own originalUrl keeps it.
    // ctx.oidc is absent when the request failed before the provider knew what it was.
    const language = pageLanguage(ctx.query.lang, (ctx.oidc as KoaContextWithOIDC['oidc'] | undefined)?.params?.ui_locales, ctx.get('accept-language') || undefined);
    const frame: PageFrame = { language, otherLanguageHref: withLanguage((ctx.req as { originalUrl?: string }).originalUrl ?? ctx.originalUrl, PROVIDER_TEXTS[language].otherLanguage.code) };
    ctx.set(pageHeaders(this.config.publicUrl));
    ctx.type = 'html';
    ctx.status = status;
    ctx.body = render(frame);
  }
}
