import { useEffect, useState } from 'preact/hooks';
import { NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES, type NotificationKind } from '../../../domain/notifications/notification-kinds';
import type { NotificationSettingsView } from '../../../api-contracts/notification-settings.contract';
import { ApiError } from '../api-error';
import { Alert } from '../components/alert';
import { ErrorSummary } from '../components/error-summary';
import { CheckboxField, RadioGroup, TextField } from '../components/form-fields';
import { PageHeading } from '../components/page-heading';
import { errorTitle } from '../error-title';
import { fieldId } from '../form-ids';
import { useI18n } from '../i18n/language';
import { announce } from '../live-region';
import { settingsBody, settingsFormOf, type ChannelTicks, type NotificationSettingsForm } from '../notification-settings-form';
import type { PageProps } from '../page-props';
import { useSubmission } from '../use-submission';
import { notificationSettingsApi } from './notification-settings-api';

/**
 * The expert's notification settings at /ui/inbox/settings: per kind of message e-mail, SMS or both, quiet hours and the
 * language of the messages. The API's validation is the one rule; its problems appear by each kind and in a summary.
 */
export function NotificationSettingsPage(_props: PageProps) {
  const { m } = useI18n();
  const [loaded, setLoaded] = useState<{ view?: NotificationSettingsView; error?: ApiError }>({});
  const [form, setForm] = useState<NotificationSettingsForm | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmission();
  // Read once, not polled: a refresh must not overwrite ticks the expert is still choosing.
  useEffect(() => {
    const controller = new AbortController();
    notificationSettingsApi.get(controller.signal).then((view) => {
      setLoaded({ view });
      setForm(settingsFormOf(view));
    }, (failure: unknown) => {
      if (!controller.signal.aborted) setLoaded({ error: ApiError.from(failure) });
    });
    return () => controller.abort();
  }, []);
  const hasPhone = loaded.view?.hasPhone ?? false;
  const update = (next: Partial<NotificationSettingsForm>) => {
    setSaved(false);
    setForm((current) => current && { ...current, ...next });
  };
  const tick = (kind: NotificationKind, channel: keyof ChannelTicks, checked: boolean) =>
    form && update({ channels: { ...form.channels, [kind]: { ...form.channels[kind], [channel]: checked } } });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    const ok = await run(async () => {
      setForm(settingsFormOf(await notificationSettingsApi.save(settingsBody(form))));
      announce(m.notificationSettings.saved);
    });
    setSaved(ok);
  };

  return (
    <div data-testid="notification-settings-page">
      <p class="utrecht-paragraph"><a class="rvo-link" href="/ui/inbox">{m.notificationSettings.back}</a></p>
      <PageHeading>{m.notificationSettings.title}</PageHeading>
      <p class="utrecht-paragraph">{m.notificationSettings.intro}</p>
      <Alert kind="info" testId="critical-note">{m.notificationSettings.critical}</Alert>
      {loaded.error && <Alert kind="error" title={errorTitle(loaded.error, m)}>{loaded.error.status === 0 ? m.errors.network : loaded.error.message}</Alert>}
      {!form && !loaded.error && <p class="utrecht-paragraph">{m.app.loading}</p>}
      {saved && <Alert kind="success" testId="settings-saved">{m.notificationSettings.saved}</Alert>}
      {form && (
        <form class="vb-form" onSubmit={submit} noValidate aria-busy={busy}>
          <ErrorSummary error={error} />
          <fieldset class="vb-fieldset vb-form-section">
            <legend class="rvo-label vb-legend">{m.notificationSettings.channels}</legend>
            {!hasPhone && <p class="utrecht-paragraph vb-muted" id="no-phone">{m.notificationSettings.noPhone}</p>}
            {NOTIFICATION_KINDS.map((kind) => (
              <ChannelChoice key={kind} kind={kind} ticks={form.channels[kind]} hasPhone={hasPhone} problems={error?.problemsOf(`channels.${kind}`) ?? []}
                onTick={(channel, checked) => tick(kind, channel, checked)} />
            ))}
          </fieldset>
          <fieldset class="vb-fieldset vb-form-section">
            <legend class="rvo-label vb-legend">{m.notificationSettings.quietHours}</legend>
            <p class="utrecht-paragraph vb-muted">{m.notificationSettings.quietHoursHint}</p>
            <CheckboxField name="quietHours" label={m.notificationSettings.useQuietHours} checked={form.quiet} onChecked={(quiet) => update({ quiet })}
              problems={error?.fields.filter((f) => f.field === 'quietHours').flatMap((f) => f.problems)} />
            {form.quiet && (
              <>
                <TextField name="quietHours.start" type="time" label={m.notificationSettings.start} value={form.start} onValue={(start) => update({ start })}
                  problems={error?.problemsOf('quietHours.start')} />
                <TextField name="quietHours.end" type="time" label={m.notificationSettings.end} value={form.end} onValue={(end) => update({ end })}
                  problems={error?.problemsOf('quietHours.end')} />
              </>
            )}
          </fieldset>
          <RadioGroup name="language" legend={m.notificationSettings.language} value={form.language}
            onValue={(language) => update({ language: language as NotificationSettingsForm['language'] })}
            choices={NOTIFICATION_LANGUAGES.map((value) => ({ value, label: m.notificationSettings.languageName[value] }))} problems={error?.problemsOf('language')} />
          <div class="vb-actions">
            <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--rvo-md" disabled={busy}>
              {busy ? m.notificationSettings.saving : m.notificationSettings.save}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The two ticks of one kind of message in a fieldset of their own, its problems under the legend; SMS only with a phone number. */
function ChannelChoice({ kind, ticks, hasPhone, problems, onTick }: {
  kind: NotificationKind; ticks: ChannelTicks; hasPhone: boolean; problems: readonly string[];
  onTick: (channel: keyof ChannelTicks, checked: boolean) => void;
}) {
  const { m } = useI18n();
  // The e-mail tick carries the kind's field id, so that a link in the error summary lands on the kind.
  const id = fieldId(`channels.${kind}`);
  const invalid = problems.length > 0;
  return (
    <fieldset class={`vb-fieldset${invalid ? ' vb-fieldset--invalid' : ''}`} aria-describedby={invalid ? `${id}-error` : undefined} data-kind={kind}>
      <legend class="rvo-label">{m.notificationSettings.kind[kind]}</legend>
      {invalid && <div class="rvo-form-feedback rvo-form-feedback--error" id={`${id}-error`}>{problems.map((p) => <p class="vb-field-problem" key={p}>{p}</p>)}</div>}
      <div class="vb-radios">
        <label class="rvo-checkbox vb-checkbox" for={id}>
          <input id={id} type="checkbox" class="rvo-checkbox__input" checked={ticks.email} onChange={(event) => onTick('email', (event.currentTarget as HTMLInputElement).checked)} />
          {m.notificationSettings.email}
        </label>
        <label class="rvo-checkbox vb-checkbox" for={`${id}-sms`}>
          <input
            id={`${id}-sms`} type="checkbox" class="rvo-checkbox__input" checked={ticks.sms} disabled={!hasPhone && !ticks.sms}
            aria-describedby={hasPhone ? undefined : 'no-phone'} onChange={(event) => onTick('sms', (event.currentTarget as HTMLInputElement).checked)}
          />
          {m.notificationSettings.sms}
        </label>
      </div>
    </fieldset>
  );
}
