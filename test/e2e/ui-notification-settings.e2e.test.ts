import { nl } from '../../src/ui/client/i18n/nl';
import { recordPage } from '../support/browser-accessibility';
import { anExpert } from '../support/browser-fixtures';
import { labelled } from '../support/browser-locators';
import { DEMO_EMAIL, DEMO_NAME, signIn } from '../support/browser-sign-in';
import { useBrowserSuite } from '../support/browser-suite';
import { problemText } from '../support/catalogue-texts';

describe('the partner directory and the notification settings in the screens', () => {
  const suite = useBrowserSuite('ui-notification-settings');

  it('lets a coordinator add, change and deactivate a contact point, each change in its history under their name', async () => {
    const { stack, browser } = suite;
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'coordinator', DEMO_EMAIL.coordinator);
    await page.getByRole('link', { name: nl.partners.nav, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: nl.partners.title }).waitFor();

    // A number in national form is turned away by the API, by the field's label, in Dutch.
    await page.getByRole('button', { name: nl.partners.add }).click();
    const form = page.getByTestId('partner-contact-form');
    await labelled(form, nl.partners.partnerLabel).selectOption('police');
    await labelled(form, nl.partners.region).selectOption('utrecht');
    await labelled(form, nl.partners.name).fill('Politie Eenheid Midden-Nederland');
    await labelled(form, nl.partners.phone).fill('0612345678');
    await page.getByRole('button', { name: nl.partners.create }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').innerText()).toContain(problemText('phone', { code: 'not_an_international_phone_number' }));
    await recordPage(page, 'partners-add-errors-nl', 'partners: add with errors (nl)');

    await labelled(form, nl.partners.phone).fill('+3197010000011');
    await labelled(form, nl.partners.email).fill('midden-nederland@politie.example');
    await page.getByRole('button', { name: nl.partners.create }).click();
    const row = page.getByTestId('partner-contacts').getByRole('row', { name: /Politie Eenheid Midden-Nederland/ });
    await row.waitFor();

    await row.getByRole('link', { name: 'Politie Eenheid Midden-Nederland' }).click();
    await page.getByTestId('partner-contact-panel').waitFor();
    await labelled(page, nl.partners.email).fill('meldpunt-midden@politie.example');
    await page.getByRole('button', { name: nl.partners.save }).click();
    const history = page.getByTestId('partner-contact-history');
    await history.getByText(nl.partners.fieldChange(nl.partners.field.email, 'midden-nederland@politie.example', 'meldpunt-midden@politie.example')).waitFor();
    expect(await history.innerText()).toContain(DEMO_NAME.coordinator);
    await recordPage(page, 'partners-contact-nl', 'partners: one contact point with its history (nl)');

    await page.getByRole('button', { name: nl.partners.deactivateConfirm }).click();
    await page.getByText(nl.partners.isInactive).waitFor();
    expect(await history.innerText()).toContain(nl.partners.action.deactivated);
    expect(errors).toEqual([]);
  });

  it("lets an expert choose SMS for an offer and quiet hours, refusing a kind without any channel by the kind's name", async () => {
    const { stack, browser } = suite;
    const expert = await anExpert(stack, 'Sanne de Boer', 'CITIZEN_MEETING');
    const { page, errors } = await browser.newPage(stack.baseUrl);
    await signIn(page, 'expert', expert.email);
    await page.getByRole('link', { name: nl.notificationSettings.link }).click();
    await page.getByRole('heading', { level: 1, name: nl.notificationSettings.title }).waitFor();
    expect(await page.getByTestId('critical-note').innerText()).toBe(nl.notificationSettings.critical);

    const offer = page.getByRole('group', { name: nl.notificationSettings.kind.offerMade });
    await offer.getByLabel(nl.notificationSettings.sms).check();
    const task = page.getByRole('group', { name: nl.notificationSettings.kind.taskAssigned });
    await task.getByLabel(nl.notificationSettings.email).uncheck();
    await labelled(page, nl.notificationSettings.useQuietHours).check();
    await page.getByRole('button', { name: nl.notificationSettings.save }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').innerText()).toContain(problemText('channels.taskAssigned', { code: 'no_channel' }));
    await recordPage(page, 'notification-settings-errors-nl', 'notification settings with errors (nl)');

    await task.getByLabel(nl.notificationSettings.email).check();
    await page.getByRole('button', { name: nl.notificationSettings.save }).click();
    await page.getByTestId('settings-saved').waitFor();
    const { body } = await stack.as('coordinator', 'c.check').get(`/experts/${expert.id}`).expect(200);
    expect(body.notificationLanguage).toBe('nl');
    const saved = await stack.sql<{ notification_preferences: unknown }>('SELECT notification_preferences FROM experts WHERE expert_id = $1', [expert.id]);
    expect(saved[0].notification_preferences).toMatchObject({ channels: { offerMade: ['email', 'sms'], taskAssigned: ['email'] }, quietHours: { start: '22:00', end: '07:00' } });

    await page.reload();
    await page.getByRole('group', { name: nl.notificationSettings.kind.offerMade }).getByLabel(nl.notificationSettings.sms).waitFor();
    expect(await page.getByRole('group', { name: nl.notificationSettings.kind.offerMade }).getByLabel(nl.notificationSettings.sms).isChecked()).toBe(true);
    await recordPage(page, 'notification-settings-nl', 'notification settings (nl)');
    expect(errors).toEqual([]);
  });
});
