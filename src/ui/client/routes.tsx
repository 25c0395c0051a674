import type { FunctionComponent } from 'preact';
import type { Messages } from './i18n/messages';
import type { PageProps } from './page-props';
import { BoardPage } from './pages/board-page';
import { CasePage } from './pages/case-page';
import { NewCasePage } from './pages/new-case-page';
import { AuditCasePage } from './pages/audit-case-page';
import { AuditListPage } from './pages/audit-list-page';
import { InboxPage } from './pages/inbox-page';
import { OutboxMessagePage } from './pages/outbox-message-page';
import { OutboxPage } from './pages/outbox-page';
import { NotificationSettingsPage } from './pages/notification-settings-page';
import { PartnersPage } from './pages/partners-page';
import { RetentionPage } from './pages/retention-page';
import { SignInPage } from './pages/sign-in-page';
import type { UiRole } from './session-types';

/** One screen: its path pattern, who may see it, its page title, and its label in the menu (if it has one). */
export interface UiRoute {
  readonly path: string;
  /** The roles that may open it; `public` for the sign-in page. */
  readonly roles: readonly UiRole[] | 'public';
  readonly page: FunctionComponent<PageProps>;
  /** The document title (before " — Vliegende Brigade"). */
  readonly title: (m: Messages) => string;
  /** The menu label; screens without one (a case page) are reached through links. */
  readonly nav?: (m: Messages) => string;
}

/** A link in the role's menu. */
export interface NavItem {
  readonly href: string;
  readonly label: string;
}

/**
 * Every screen, first match wins (so `/ui/cases/new` comes before `/ui/cases/:id`). To add a page: write it under
 * `pages/`, then add a row here; the menu, the role check and the page title follow from the row.
 */
export const ROUTES: readonly UiRoute[] = [
  { path: '/ui/', roles: 'public', page: SignInPage, title: (m) => m.signIn.title },
  { path: '/ui/board', roles: ['coordinator'], page: BoardPage, title: (m) => m.board.title, nav: (m) => m.board.nav },
  { path: '/ui/cases/new', roles: ['coordinator'], page: NewCasePage, title: (m) => m.newCase.title, nav: (m) => m.newCase.nav },
  { path: '/ui/cases/:id', roles: ['coordinator'], page: CasePage, title: (m) => m.casePage.title },
  { path: '/ui/outbox', roles: ['coordinator'], page: OutboxPage, title: (m) => m.outbox.title, nav: (m) => m.outbox.nav },
  // The key's slashes travel encoded (%2F), so the whole delivery key is this one segment.
  { path: '/ui/outbox/:key', roles: ['coordinator'], page: OutboxMessagePage, title: (m) => m.outbox.messageTitle },
  { path: '/ui/partners', roles: ['coordinator'], page: PartnersPage, title: (m) => m.partners.title, nav: (m) => m.partners.nav },
  { path: '/ui/inbox', roles: ['expert'], page: InboxPage, title: (m) => m.inbox.title, nav: (m) => m.inbox.nav },
  { path: '/ui/inbox/settings', roles: ['expert'], page: NotificationSettingsPage, title: (m) => m.notificationSettings.title },
  { path: '/ui/audit', roles: ['auditor'], page: AuditListPage, title: (m) => m.audit.listTitle, nav: (m) => m.audit.nav },
  { path: '/ui/audit/:id', roles: ['auditor'], page: AuditCasePage, title: (m) => m.audit.caseTitleFallback },
  { path: '/ui/retention', roles: ['coordinator', 'auditor'], page: RetentionPage, title: (m) => m.retention.title, nav: (m) => m.retention.nav },
];

/** The menu of a role: its screens that have a menu label, in table order. */
export function navFor(role: UiRole, m: Messages): NavItem[] {
  return ROUTES.filter((route) => route.nav && route.roles !== 'public' && route.roles.includes(role))
    .map((route) => ({ href: route.path, label: route.nav!(m) }));
}
