import { useState } from 'preact/hooks';
import { apiPost } from '../api';
import { ApiError } from '../api-error';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import { endSessionLocally, signInPath } from '../session-store';
import type { Language } from '../i18n/messages';
import type { Session } from '../session-types';
import type { NavItem } from '../routes';

/** The Rijkshuisstijl header: the ministry's wordmark, the role's menu, who is signed in, the language switch and sign-out. */
export function SiteHeader({ session, nav, currentPath, homeHref }: {
  session: Session | null; nav: readonly NavItem[]; currentPath: string; homeHref: string;
}) {
  const { m, setLanguage, dateTime } = useI18n();
  const [signingOut, setSigningOut] = useState(false);
  // The server ends its session and names the provider's end-session address, which ends the provider's session too and
  // comes back to the sign-in page saying so; a whole-page visit, since it leaves the app.
  const signOut = async () => {
    setSigningOut(true);
    try {
      const { redirectTo } = await apiPost<{ redirectTo: string }>('/auth/logout');
      window.location.assign(redirectTo);
    } catch (failure) {
      setSigningOut(false);
      if (failure instanceof ApiError && failure.status === 401) {
        // Already gone on the server: nothing left to end.
        endSessionLocally(null, null);
        window.location.assign(signInPath('signedOut'));
        return;
      }
      announce(m.app.signOutFailed);
    }
  };
  return (
    <header>
      <div class="rvo-header">
        <div class="rvo-header__logo-wrapper">
          <a class="rvo-header__logo-link" href={homeHref}>
            <div class="rvo-logo">
              <div class="rvo-logo__emblem vb-emblem" aria-hidden="true" />
              <div class="rvo-logo__wordmark">
                <p class="rvo-logo__title">{m.app.ministry}</p>
                <p class="rvo-logo__subtitle">{m.app.brand}</p>
              </div>
            </div>
          </a>
        </div>
      </div>
      <div class="vb-menubar">
        <div class="rvo-max-width-layout rvo-max-width-layout--lg rvo-max-width-layout-inline-padding--md vb-menubar__inner">
          {nav.length > 0 && (
            <nav aria-label={m.app.mainNav} class="rvo-menubar rvo-menubar--md">
              <ul class="rvo-menubar__list rvo-menubar__list--item">
                {nav.map((item) => {
                  const current = item.href === currentPath;
                  return (
                    <li class="rvo-menubar__item" key={item.href}>
                      <a class={`rvo-menubar__link vb-menubar__link${current ? ' rvo-menubar__link--active' : ''}`} href={item.href} aria-current={current ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
          <div class="vb-menubar__tools">
            {session && (
              <p class="vb-whoami" data-testid="who-am-i">
                <span>{m.app.signedInAs(session.displayName ?? session.subject, m.roles[session.role])}</span>
                <span class="vb-whoami__expiry">{m.app.sessionUntil(dateTime(session.absoluteExpiresAt))}</span>
              </p>
            )}
            <button
              type="button"
              class="utrecht-button utrecht-button--rvo-sm vb-menubar__button"
              lang={m.app.switchLanguageLang}
              aria-label={m.app.switchLanguageLabel}
              onClick={() => setLanguage(m.app.switchLanguageLang as Language)}
            >
              {m.app.switchLanguage}
            </button>
            {session && (
              <button type="button" class="utrecht-button utrecht-button--rvo-sm vb-menubar__button" disabled={signingOut} onClick={() => void signOut()}>
                {m.app.signOut}
              </button>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
