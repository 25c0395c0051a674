import type { CatalogueLanguage } from '../i18n/catalogue/languages';
import { PROVIDER_TEXTS, type ProviderTexts } from './provider-texts';

/** Where the provider's stylesheets and its one script are served, under the provider's mount path. */
export const PROVIDER_ASSETS = {
  designTokens: '/oidc/assets/design-tokens.css',
  stylesheet: '/oidc/assets/sign-in.css',
  signOutScript: '/oidc/assets/sign-out.js',
} as const;

/** What every provider page needs: its language, and the link that shows the same page in the other language. */
export interface PageFrame {
  readonly language: CatalogueLanguage;
  /** The current page's path and query with `lang` set to the other language. */
  readonly otherLanguageHref: string;
}

/** The login form: e-mail address and password, with the error of the last attempt when there was one. */
export function loginPage(frame: PageFrame, form: { action: string; email: string; error?: string }): string {
  const t = PROVIDER_TEXTS[frame.language];
  const invalid = form.error === undefined ? '' : ' aria-invalid="true" aria-describedby="sign-in-error"';
  return page(frame, t.signInTitle, `
    ${errorSummary(form.error)}
    <form class="vb-idp-form" method="post" action="${escapeHtml(form.action)}">
      <div class="vb-idp-field">
        <label for="email">${t.email}</label>
        <input id="email" name="email" type="email" autocomplete="username" spellcheck="false" autocapitalize="none" required value="${escapeHtml(form.email)}"${invalid}${form.email === '' ? ' autofocus' : ''}>
      </div>
      <div class="vb-idp-field">
        <label for="password">${t.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${form.email === '' ? '' : ' autofocus'}>
      </div>
      <button class="vb-idp-button" type="submit">${t.signIn}</button>
    </form>`);
}

/** The second step for an account with an authenticator app: the current six-digit code. */
export function totpPage(frame: PageFrame, form: { action: string; error?: string }): string {
  const t = PROVIDER_TEXTS[frame.language];
  const invalid = form.error === undefined ? '' : ' aria-invalid="true"';
  return page(frame, t.totpTitle, `
    ${errorSummary(form.error)}
    <p id="code-hint">${t.totpIntro}</p>
    <form class="vb-idp-form" method="post" action="${escapeHtml(form.action)}">
      <div class="vb-idp-field">
        <label for="code">${t.totpCode}</label>
        <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus aria-describedby="code-hint${form.error === undefined ? '' : ' sign-in-error'}"${invalid}>
      </div>
      <button class="vb-idp-button" type="submit">${t.confirm}</button>
    </form>`);
}

/**
 * The question before the provider ends its session. `formHtml` is the provider's own form (it carries its XSRF
 * value); with `automatic` the page's script sends it at once, for the first-party client that proved who it is.
 */
export function signOutPage(frame: PageFrame, formHtml: string, automatic: boolean): string {
  const t = PROVIDER_TEXTS[frame.language];
  return page(frame, t.signOutTitle, `
    <p>${automatic ? t.signingOut : t.signOutQuestion}</p>
    ${formHtml}
    <div class="vb-idp-actions">
      <button class="vb-idp-button" type="submit" form="op.logoutForm" name="logout" value="yes"${automatic ? ' data-sign-out-now' : ' autofocus'}>${t.signOut}</button>
      ${automatic ? '' : `<button class="vb-idp-button vb-idp-button--secondary" type="submit" form="op.logoutForm">${t.staySignedIn}</button>`}
    </div>`, automatic ? `<script src="${PROVIDER_ASSETS.signOutScript}" defer></script>` : '');
}

/** The page after the provider ended its session without a client to go back to. */
export function signedOutPage(frame: PageFrame): string {
  const t = PROVIDER_TEXTS[frame.language];
  return page(frame, t.signedOutTitle, `<p>${t.signedOut}</p>`);
}

/** The provider's error page: what went wrong in the protocol's own words, which a developer can look up. */
export function errorPage(frame: PageFrame, details: Readonly<Record<string, unknown>>): string {
  const t = PROVIDER_TEXTS[frame.language];
  const rows = Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join('');
  return page(frame, t.errorTitle, `<p>${t.errorIntro}</p><dl class="vb-idp-details">${rows}</dl>`);
}

function page(frame: PageFrame, title: string, content: string, head = ''): string {
  const t: ProviderTexts = PROVIDER_TEXTS[frame.language];
  const other = t.otherLanguage;
  return `<!DOCTYPE html>
<html lang="${frame.language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${title} — Brigade</title>
  <link rel="stylesheet" href="${PROVIDER_ASSETS.designTokens}">
  <link rel="stylesheet" href="${PROVIDER_ASSETS.stylesheet}">
  ${head}
</head>
<body class="rvo-theme">
  <div class="vb-idp-banner" role="note">${t.banner}</div>
  <header class="vb-idp-header">
    <span class="vb-idp-brand">Brigade</span>
    <a class="vb-idp-language" href="${escapeHtml(frame.otherLanguageHref)}" hreflang="${other.code}" lang="${other.code}">${other.name}</a>
  </header>
  <main class="vb-idp-main">
    <h1>${title}</h1>
    ${content}
  </main>
</body>
</html>
`;
}

function errorSummary(error: string | undefined): string {
  if (error === undefined) return '';
  return `<div class="vb-idp-error" id="sign-in-error" role="alert"><p>${escapeHtml(error)}</p></div>`;
}

/** Text made safe to put in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
