import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import { endSessionLocally, loadSession, serverClockOffsetMs, type SignInNotice } from '../session-store';
import { nextChangeInMs, sessionLimits, sessionTimeView, type SessionEnding } from '../session-timing';
import type { Session } from '../session-types';

/** The longest the page waits before looking at the clock again, so a tab that slept catches up soon after. */
const MAX_WAIT_MS = 30_000;
/** After the server still holds a session the page thought had run out (clocks a second apart), how soon to ask again. */
const RECHECK_MS = 2_000;

const EXPIRED_NOTICE: Readonly<Record<SessionEnding, SignInNotice>> = { idle: 'idleExpired', absolute: 'absoluteExpired' };

function serverNow(): number {
  return Date.now() + serverClockOffsetMs();
}

/**
 * Says before the session runs out that it will, and after that it has: a dialog some minutes before the idle or the
 * absolute ending (with "Aangemeld blijven" for the idle one), then sign-in with the reason. Before saying either it asks
 * the server in the background, since activity in another tab may have moved the idle ending on.
 */
export function SessionTimeout({ session }: { session: Session }) {
  const { m } = useI18n();
  const limits = useMemo(() => sessionLimits(session), [session]);
  const [now, setNow] = useState(serverNow);
  const view = sessionTimeView(limits, now);
  const viewKey = view.kind === 'active' ? 'active'
    : view.kind === 'warning' ? `warning|${view.ending}|${view.expiresAtMs}|${view.minutesLeft}` : `expired|${view.ending}`;
  // The view the server has confirmed, by key: the dialog shows only for a confirmed warning.
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setNow(serverNow()), Math.min(nextChangeInMs(limits, now) + 50, MAX_WAIT_MS));
    const onVisible = () => {
      if (!document.hidden) setNow(serverNow());
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [limits, now]);

  useEffect(() => {
    if (view.kind === 'active' || confirmed === viewKey) return;
    let current = true;
    const ending = view.ending;
    const wasExpired = view.kind === 'expired';
    // A refusal now is the ending the clock foretold, unless the clock said there was time left and the server does not
    // call it expired (signed out in another tab).
    const noticeOnRefusal = (code: string | null): SignInNotice => (wasExpired || code === 'session_expired' ? EXPIRED_NOTICE[ending] : 'ended');
    let retry: ReturnType<typeof setTimeout> | undefined;
    loadSession({ background: true, noticeOnRefusal }).then((fresh) => {
      if (!current || !fresh) return;
      // New times re-render with a new view. Unchanged ones confirm a warning; an expired view the server still accepts
      // (the clocks a second apart) is asked about again shortly.
      if (fresh.idleExpiresAt !== session.idleExpiresAt || fresh.absoluteExpiresAt !== session.absoluteExpiresAt) return;
      if (wasExpired) retry = setTimeout(() => setAttempt((count) => count + 1), RECHECK_MS);
      else setConfirmed(viewKey);
    }, () => {
      if (!current) return;
      // The server cannot be reached: trust the clock, which is all there is.
      if (wasExpired) endSessionLocally(null, EXPIRED_NOTICE[ending]);
      else setConfirmed(viewKey);
    });
    return () => {
      current = false;
      if (retry !== undefined) clearTimeout(retry);
    };
  }, [viewKey, confirmed, attempt]);

  const warningFor = view.kind === 'warning' ? `${view.ending}|${view.expiresAtMs}` : null;
  const open = view.kind === 'warning' && confirmed === viewKey && dismissed !== warningFor;
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setFailed(false);
      // Modal: focus moves to the dialog's first button and stays inside until the person answers.
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const restoreFocus = () => {
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
  };

  const stay = async () => {
    setBusy(true);
    setFailed(false);
    try {
      // The one foreground request: it counts as activity and moves the idle ending on.
      const fresh = await loadSession({ background: false, noticeOnRefusal: (code) => (code === 'session_expired' ? 'idleExpired' : 'ended') });
      if (fresh) announce(m.sessionTimeout.extended);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  // The dialog is named and described only while it has something to say; closed and empty otherwise.
  const titleId = 'session-timeout-title';
  const textId = 'session-timeout-text';
  return (
    <dialog
      ref={dialog}
      class="vb-session-timeout"
      role={view.kind === 'warning' ? 'alertdialog' : undefined}
      aria-labelledby={view.kind === 'warning' ? titleId : undefined}
      aria-describedby={view.kind === 'warning' ? textId : undefined}
      data-testid="session-timeout"
      onClose={() => {
        if (open && warningFor) setDismissed(warningFor);
        restoreFocus();
      }}
    >
      {view.kind === 'warning' && (
        <div class="vb-session-timeout__body">
          <h2 class="utrecht-heading-2" id={titleId}>{m.sessionTimeout.title}</h2>
          <p class="utrecht-paragraph" id={textId}>
            {view.canExtend ? m.sessionTimeout.idleWarning(view.minutesLeft) : m.sessionTimeout.absoluteWarning(view.minutesLeft)}
          </p>
          {failed && <p class="utrecht-paragraph vb-session-timeout__error" role="alert">{m.sessionTimeout.extendFailed}</p>}
          <div class="vb-session-timeout__actions">
            {view.canExtend ? (
              <button type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" disabled={busy} onClick={() => void stay()}>
                {m.sessionTimeout.stay}
              </button>
            ) : (
              <button type="button" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" onClick={() => setDismissed(warningFor)}>
                {m.sessionTimeout.close}
              </button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
