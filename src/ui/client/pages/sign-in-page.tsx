import { useEffect } from 'preact/hooks';
import { Alert } from '../components/alert';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/language';
import type { Messages } from '../i18n/messages';
import { navigate } from '../navigation';
import { isAppPath } from '../path-match';
import type { PageProps } from '../page-props';
import { HOME_BY_ROLE } from '../role-homes';
import { useSessionState } from '../session-store';
import { signInErrorOf, signInHref, signInNoticeOf, type SignInNotice } from '../sign-in-address';

function noticeText(notice: SignInNotice, m: Messages): string {
  switch (notice) {
    case 'signedOut': return m.signIn.signedOut;
    case 'ended': return m.signIn.sessionEnded;
    case 'expired': return m.signIn.sessionExpired;
    case 'idleExpired': return m.signIn.idleExpired;
    case 'absoluteExpired': return m.signIn.absoluteExpired;
    default: {
      const unknown: never = notice;
      return unknown;
    }
  }
}

/**
 * Sign-in: one button that takes the person (a full page load) to the server's `/auth/login`, which sends them on to
 * the sign-in provider; the session the server then holds is described by `GET /auth/session`. Someone already signed
 * in goes straight on to their own overview.
 */
export function SignInPage({ search }: PageProps) {
  const { m } = useI18n();
  const state = useSessionState();
  const params = new URLSearchParams(search);
  const next = params.get('next');
  // A session found expired on this page's own load says so too, without a notice in the address.
  const notice = signInNoticeOf(search) ?? (state.status === 'signedOut' ? state.notice : null);
  const failure = signInErrorOf(search);

  useEffect(() => {
    if (state.status !== 'signedIn') return;
    navigate(isAppPath(next) && next !== '/ui/' ? next : HOME_BY_ROLE[state.session.role], { replace: true });
  }, [state, next]);

  return (
    <div class="vb-sign-in">
      <PageHeading>{m.signIn.title}</PageHeading>
      {/* Each notice is an alert or status region of its own, so screen readers read it out with the page. */}
      <div data-testid="sign-in-notices">
        {notice && (
          <Alert kind={notice === 'signedOut' ? 'info' : 'warning'} testId="sign-in-notice">{noticeText(notice, m)}</Alert>
        )}
        {failure && (
          <Alert kind="error" title={m.signIn.failedTitle} testId="sign-in-failed">
            <p class="utrecht-paragraph">{m.signIn.failed}</p>
            <p class="utrecht-paragraph">{m.signIn.failedReason} <code>{failure}</code></p>
          </Alert>
        )}
      </div>
      {state.status === 'signedIn' ? (
        <p class="utrecht-paragraph">{m.app.loading}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{m.signIn.intro}</p>
          {/* A link, not a form: the provider may live on another origin, and the page's `form-action 'self'` would stop a form's redirect there. */}
          <p class="utrecht-paragraph">
            <a class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md vb-button-link" href={signInHref(next)} data-testid="sign-in-action">
              {m.signIn.action}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
