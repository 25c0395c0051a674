import { Alert } from '../components/alert';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/language';
import type { UiRole } from '../session-types';

/** What a signed-in person sees at the address of another role's screen: a clear refusal and the way back. */
export function NotForRolePage({ role, homeHref }: { role: UiRole; homeHref: string }) {
  const { m } = useI18n();
  return (
    <div data-testid="not-for-role">
      <PageHeading>{m.errors.notForRoleTitle}</PageHeading>
      <Alert kind="warning">{m.errors.notForRole(m.roles[role])}</Alert>
      <p class="utrecht-paragraph"><a class="rvo-link" href={homeHref}>{m.errors.toHome}</a></p>
    </div>
  );
}

/** The screen for an address under /ui that names no screen. */
export function NotFoundPage({ homeHref }: { homeHref: string }) {
  const { m } = useI18n();
  return (
    <div>
      <PageHeading>{m.errors.notFoundTitle}</PageHeading>
      <p class="utrecht-paragraph">{m.errors.notFound}</p>
      <p class="utrecht-paragraph"><a class="rvo-link" href={homeHref}>{m.errors.toHome}</a></p>
    </div>
  );
}
