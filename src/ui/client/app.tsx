import { useEffect, useRef } from 'preact/hooks';
import { focusPageHeading } from './components/page-heading';
import { useI18n } from './i18n/language';
import { SiteHeader } from './layout/site-header';
import { LiveRegion } from './live-region';
import { navigate, useLocation } from './navigation';
import { NotForRolePage, NotFoundPage } from './pages/not-for-role-page';
import { matchPath, type PathParams } from './path-match';
import { HOME_BY_ROLE } from './role-homes';
import { navFor, ROUTES, type UiRoute } from './routes';
import { SessionTimeout } from './layout/session-timeout';
import { signInPath, useSessionState } from './session-store';

function resolve(pathname: string): { route: UiRoute; params: PathParams } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

/** The whole app: skip link, header with the role's menu, the current screen in `main`, and the live region. */
export function App() {
  const { m } = useI18n();
  const state = useSessionState();
  const session = state.status === 'signedIn' ? state.session : null;
  const { pathname, search } = useLocation();
  const resolved = resolve(pathname);
  const homeHref = session ? HOME_BY_ROLE[session.role] : '/ui/';
  const protectedRoute = resolved !== null && resolved.route.roles !== 'public';
  const needsSignIn = protectedRoute && state.status === 'signedOut';
  const forbidden = protectedRoute && session !== null && !(resolved.route.roles as readonly string[]).includes(session.role);
  const notice = state.status === 'signedOut' ? state.notice : null;

  useEffect(() => {
    if (needsSignIn) navigate(signInPath(notice, pathname), { replace: true });
  }, [needsSignIn, notice, pathname]);

  const title = !resolved ? m.errors.notFoundTitle : forbidden ? m.errors.notForRoleTitle : resolved.route.title(m);
  useEffect(() => {
    document.title = `${title} — ${m.app.brand}`;
  }, [title, m]);

  // On the first load the page starts at the top, where the skip link is; after a screen change, at the new heading.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    requestAnimationFrame(focusPageHeading);
  }, [pathname]);

  let content;
  if (!resolved) content = <NotFoundPage homeHref={homeHref} />;
  else if (protectedRoute && session === null) content = <p class="utrecht-paragraph">{m.app.loading}</p>;
  else if (forbidden && session) content = <NotForRolePage role={session.role} homeHref={homeHref} />;
  else {
    const Page = resolved.route.page;
    content = <Page params={resolved.params} search={search} />;
  }

  return (
    <>
      <a class="rvo-skip-link" href="#main">{m.app.skipLink}</a>
      <SiteHeader session={session} nav={session ? navFor(session.role, m) : []} currentPath={pathname} homeHref={homeHref} />
      <main id="main" tabIndex={-1} class="rvo-max-width-layout rvo-max-width-layout--lg rvo-max-width-layout-inline-padding--md vb-main">
        {content}
      </main>
      <footer class="vb-footer">
        <div class="rvo-max-width-layout rvo-max-width-layout--lg rvo-max-width-layout-inline-padding--md">
          <p class="utrecht-paragraph">{m.app.footer}</p>
        </div>
      </footer>
      {session && <SessionTimeout session={session} />}
      <LiveRegion />
    </>
  );
}
