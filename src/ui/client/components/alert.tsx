import type { ComponentChildren } from 'preact';

/** The kinds of RVO alert: the colour and the icon-free text prefix both say which it is. */
export type AlertKind = 'info' | 'success' | 'warning' | 'error';

/**
 * An RVO alert box. Errors and warnings are `role="alert"` so that they are read out as they appear; information and
 * success are `role="status"`.
 */
export function Alert({ kind, title, children, testId }: { kind: AlertKind; title?: string; children?: ComponentChildren; testId?: string }) {
  return (
    <div class={`rvo-alert rvo-alert--${kind} rvo-alert--padding-md vb-alert`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'} data-testid={testId}>
      <div class="rvo-alert__container">
        {title && <strong class="vb-alert__title">{title}</strong>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
