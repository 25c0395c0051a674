import { useEffect, useState } from 'preact/hooks';
import { apiGet, apiPost } from '../api';
import { ApiError } from '../api-error';
import { Alert } from '../components/alert';
import { CodeText } from '../components/code-text';
import { ErrorSummary } from '../components/error-summary';
import { RadioGroup, TextAreaField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/language';
import { navigate } from '../navigation';
import { isAppPath } from '../path-match';
import type { PageProps } from '../page-props';
import { HOME_BY_ROLE } from '../role-homes';
import { startSession, takeSignInNotice, useSession } from '../session-store';
import { UI_ROLES, type Session, type UiRole } from '../session-types';
import { useSubmission } from '../use-submission';

interface WhoAmI {
  readonly subject: string;
  readonly role: UiRole;
  readonly expiresAt: string | null;
  readonly displayName: string | null;
}

/**
 * Sign-in: choose a role and a subject, then paste a token or (on a local machine) have one generated. Either way
 * `GET /me` checks the token before it is kept, so the header shows who the API says you are.
 */
export function SignInPage({ search }: PageProps) {
  const { m } = useI18n();
  const session = useSession();
  const [notice] = useState(takeSignInNotice);
  const [role, setRole] = useState<UiRole>('coordinator');
  const [subject, setSubject] = useState('');
  const [token, setToken] = useState('');
  const [localEnabled, setLocalEnabled] = useState<boolean | undefined>(undefined);
  const { busy, error, run: attempt } = useSubmission();
  const next = new URLSearchParams(search).get('next');

  useEffect(() => {
    apiGet<{ enabled: boolean }>('/auth/local-sign-in').then((answer) => setLocalEnabled(answer.enabled), () => setLocalEnabled(false));
  }, []);

  const signInWith = async (candidate: string) => {
    const me = await apiGet<WhoAmI>('/me', { token: candidate }).catch((failure: unknown) => {
      // A refused token is a problem with the token field, said in the API's words.
      if (failure instanceof ApiError && failure.status === 401) throw new ApiError(401, failure.code, failure.message, [{ field: 'token', problems: [failure.message] }]);
      throw failure;
    });
    if (me.role !== role) {
      throw new ApiError(400, 'invalid_input', m.signIn.tokenRoleMismatch(m.roles[me.role], m.roles[role]), [
        { field: 'role', problems: [m.signIn.tokenRoleMismatch(m.roles[me.role], m.roles[role])] },
      ]);
    }
    const started: Session = { token: candidate, subject: me.subject, role: me.role, expiresAt: me.expiresAt, displayName: me.displayName };
    startSession(started);
    navigate(isAppPath(next) && next !== '/ui/' ? next : HOME_BY_ROLE[me.role], { replace: true });
  };

  const generate = (event: Event) => {
    event.preventDefault();
    void attempt(async () => {
      const issued = await apiPost<{ token: string }>('/auth/local-token', { role, subject: subject.trim() });
      await signInWith(issued.token);
    });
  };

  const usePasted = (event: Event) => {
    event.preventDefault();
    void attempt(async () => {
      const pasted = token.trim();
      if (!pasted) throw new ApiError(400, 'invalid_input', m.signIn.tokenMissing, [{ field: 'token', problems: [m.signIn.tokenMissing] }]);
      await signInWith(pasted);
    });
  };

  if (session) {
    return (
      <div>
        <PageHeading>{m.signIn.title}</PageHeading>
        <Alert kind="info">{m.signIn.alreadySignedIn(session.subject, m.roles[session.role])}</Alert>
        <p class="utrecht-paragraph"><a class="rvo-link" href={HOME_BY_ROLE[session.role]}>{m.signIn.continue}</a></p>
      </div>
    );
  }

  const isExpert = role === 'expert';
  return (
    <div class="vb-sign-in">
      <PageHeading>{m.signIn.title}</PageHeading>
      {notice === 'sessionEnded' && <Alert kind="warning" testId="sign-in-notice">{m.signIn.sessionEnded}</Alert>}
      {notice === 'signedOut' && <Alert kind="info" testId="sign-in-notice">{m.signIn.signedOut}</Alert>}
      <p class="utrecht-paragraph">{m.signIn.intro}</p>
      <ErrorSummary error={error} />
      <form class="vb-form" onSubmit={localEnabled ? generate : usePasted} noValidate>
        <RadioGroup
          name="role" legend={m.signIn.role} value={role} onValue={(value) => setRole(value as UiRole)}
          choices={UI_ROLES.map((value) => ({ value, label: m.roles[value] }))} problems={error?.problemsOf('role')}
        />
        <TextField
          name="subject" label={isExpert ? m.signIn.subjectExpert : m.signIn.subject}
          hint={isExpert ? m.signIn.subjectHintExpert : m.signIn.subjectHintCoordinator}
          value={subject} onValue={setSubject} autoComplete="username" problems={error?.problemsOf('subject')}
        />
        {localEnabled && (
          <section class="vb-form-section" aria-labelledby="sign-in-local">
            <h2 class="utrecht-heading-3" id="sign-in-local">{m.signIn.generateHeading}</h2>
            <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" disabled={busy}>
              {m.signIn.generate}
            </button>
          </section>
        )}
        {localEnabled === false && <Alert kind="info">{m.signIn.localDisabled}</Alert>}
        <section class="vb-form-section" aria-labelledby="sign-in-paste">
          <h2 class="utrecht-heading-3" id="sign-in-paste">{m.signIn.pasteHeading}</h2>
          <TextAreaField name="token" label={m.signIn.token} hint={<CodeText text={m.signIn.tokenHint} />} value={token} onValue={setToken} rows={3} problems={error?.problemsOf('token')} />
          <button type="button" class="utrecht-button utrecht-button--secondary-action utrecht-button--rvo-md" disabled={busy} onClick={usePasted}>
            {m.signIn.signInWithToken}
          </button>
        </section>
      </form>
    </div>
  );
}
