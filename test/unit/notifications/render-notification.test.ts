import { NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES, type NotificationKind } from '../../../src/domain/notifications/notification-kinds';
import type { NotificationTemplateInput, TemplateRecipientKind } from '../../../src/notifications/templates/notification-template-input';
import { renderNotification } from '../../../src/notifications/templates/render-notification';
import { gsmUnits, SMS_MAX_GSM_UNITS } from '../../../src/notifications/templates/sms-length';

const RECIPIENT_KINDS: readonly TemplateRecipientKind[] = ['expert', 'role', 'partner'];
const SESSION_KINDS: readonly NotificationKind[] = ['sessionScheduled', 'sessionMoved', 'sessionCancelled'];
// The kinds that ask the recipient to act by a moment; the others have nothing left to do, or a session time instead.
const DEADLINE_KINDS: readonly NotificationKind[] = ['offerMade', 'taskAssigned', 'taskDueSoon', 'escalationRaised', 'escalationClimbed', 'deadlineMissed'];

const LINK = 'https://brigade.example.nl/inbox?case=0f8c2a1e-5b7d-4c3e-9a61-2d4f8e9b7c10#offer';
const DUE_AT = '2026-12-07T14:30:00.000Z';
const STARTS_AT = '2026-12-09T09:00:00.000Z';
const DUE = { nl: 'maandag 7 december 2026 om 15:30', en: 'Monday 7 December 2026 at 15:30' };
const STARTS = { nl: 'woensdag 9 december 2026 om 10:00', en: 'Wednesday 9 December 2026 at 10:00' };
const DUTY = { phone: '+31 70 123 45 67', email: 'dienst@brigade.example.nl' };

function inputFor(kind: NotificationKind, language: 'nl' | 'en', recipientKind: TemplateRecipientKind, critical = false): NotificationTemplateInput {
  return {
    kind,
    language,
    recipientKind,
    recipientName: 'Anne-Marie de Vries',
    dueAt: DEADLINE_KINDS.includes(kind) ? DUE_AT : undefined,
    level: kind.startsWith('escalation') ? 3 : undefined,
    link: recipientKind === 'partner' ? undefined : LINK,
    critical,
    timeZone: 'Europe/Amsterdam',
    dutyContact: recipientKind === 'partner' ? DUTY : undefined,
    calendar: SESSION_KINDS.includes(kind) ? { method: kind === 'sessionCancelled' ? 'CANCEL' : 'REQUEST', startsAt: STARTS_AT } : undefined,
  };
}

const MATRIX = NOTIFICATION_KINDS.flatMap((kind) => NOTIFICATION_LANGUAGES.flatMap((language) =>
  RECIPIENT_KINDS.flatMap((recipientKind) => [false, true].map((critical) => ({ kind, language, recipientKind, critical })))));

const LEFTOVERS = /[{}]|undefined|NaN|Invalid Date|null|\[object/;
// Words that would reveal what a case is about, or how grave it is, in a subject anyone near an inbox can read.
const REVEALING = /dreig|threat|kritiek|critical|urgent|spoed|haast|pressing|gemeente|municipal|burgemeester|mayor|azc|coa|politie|police|nctv/i;

describe('rendering a notification', () => {
  describe.each(MATRIX)('$kind in $language for a $recipientKind (critical: $critical)', ({ kind, language, recipientKind, critical }) => {
    const sut = renderNotification(inputFor(kind, language, recipientKind, critical));

    it('has a neutral subject that is the same whoever gets it and however pressing it is', () => {
      expect(sut.subject).toMatch(/^Vliegende Brigade: \S/);
      expect(sut.subject).not.toMatch(LEFTOVERS);
      expect(sut.subject).not.toMatch(REVEALING);
      expect(sut.subject).not.toMatch(/[\r\n]/);
      const other = renderNotification({ ...inputFor(kind, language, 'expert', !critical), recipientName: 'Someone Else', dueAt: undefined });
      expect(other.subject).toBe(sut.subject);
    });

    it('leaves no placeholder, empty value or broken moment in the text or the text message', () => {
      expect(sut.text).not.toMatch(LEFTOVERS);
      expect(sut.sms).not.toMatch(LEFTOVERS);
      expect(sut.text).not.toContain('\r');
      expect(sut.sms).not.toMatch(/[\r\n]/);
    });

    if (recipientKind === 'partner') {
      it('gives the duty coordinator instead of a link to screens a partner cannot open', () => {
        expect(sut.text).not.toMatch(/https?:/);
        expect(sut.sms).not.toMatch(/https?:/);
        expect(sut.text).toContain(DUTY.phone);
        expect(sut.text).toContain(DUTY.email);
        expect(sut.sms).toContain(DUTY.phone);
      });
    } else {
      it('prints the link as given, on a line of its own, in the e-mail and the text message', () => {
        expect(sut.text.split('\n')).toContain(LINK);
        expect(sut.sms.endsWith(` ${LINK}`)).toBe(true);
      });
    }

    if (DEADLINE_KINDS.includes(kind)) {
      it('says by when, in the recipient\'s language and time zone', () => {
        expect(sut.text).toContain(DUE[language]);
        expect(sut.sms).toContain(language === 'nl' ? 'ma 7 dec 15:30' : 'Mon 7 Dec 15:30');
      });
    } else if (SESSION_KINDS.includes(kind)) {
      it('says when the session is', () => {
        expect(sut.text).toContain(STARTS[language]);
        expect(sut.sms).toContain(language === 'nl' ? 'wo 9 dec 10:00' : 'Wed 9 Dec 10:00');
      });
    } else {
      it('names no moment, as there is nothing left to do', () => {
        expect(sut.text).not.toMatch(/\d{1,2}:\d{2}/);
      });
    }

    it('fits the text message in the GSM alphabet and at most two parts', () => {
      const units = gsmUnits(sut.sms);
      expect(units).toBeDefined();
      expect(units).toBeLessThanOrEqual(SMS_MAX_GSM_UNITS);
    });

    it('greets by name and ends by saying the message holds no case details on purpose', () => {
      const lines = sut.text.split('\n');
      expect(lines[0]).toBe(language === 'nl' ? 'Beste Anne-Marie de Vries,' : 'Dear Anne-Marie de Vries,');
      expect(lines.at(-1)).toContain(language === 'nl'
        ? 'Om de vertrouwelijkheid te bewaren staat er geen inhoud van de zaak in dit bericht.'
        : 'holds no case details on purpose');
    });
  });

  describe.each(NOTIFICATION_KINDS)('%s in both languages', (kind) => {
    // Without a name: "de" in "Anne-Marie de Vries" would count as a Dutch word in the English text.
    const nl = renderNotification({ ...inputFor(kind, 'nl', 'expert'), recipientName: undefined });
    const en = renderNotification({ ...inputFor(kind, 'en', 'expert'), recipientName: undefined });
    const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}]+/u));

    it('is written in Dutch for Dutch and in English for English', () => {
      expect(nl.subject).not.toBe(en.subject);
      expect(nl.text).not.toBe(en.text);
      expect(nl.sms).not.toBe(en.sms);
      expect(['een', 'uw', 'zaak', 'taak', 'sessie', 'verzoek', 'aanbod', 'termijn'].some((word) => words(nl.subject).has(word))).toBe(true);
      expect(['an', 'a', 'your', 'case', 'task', 'session', 'offer', 'deadline'].some((word) => words(en.subject).has(word))).toBe(true);
      expect(nl.text).toContain('Met vriendelijke groet,');
      expect(en.text).toContain('Kind regards,');
      for (const english of ['the', 'your', 'please', 'you', 'and']) expect(words(nl.text).has(english)).toBe(false);
      for (const dutch of ['de', 'het', 'een', 'uw', 'u', 'niet', 'wilt', 'zaak']) expect(words(en.text).has(dutch)).toBe(false);
    });
  });

  describe('the moments', () => {
    it('follows summer time in the given zone', () => {
      const sut = renderNotification({ ...inputFor('taskAssigned', 'nl', 'expert'), dueAt: '2026-07-06T13:30:00Z' });

      expect(sut.text).toContain('maandag 6 juli 2026 om 15:30');
    });

    it('writes the moment in the recipient\'s zone when it is another', () => {
      const sut = renderNotification({ ...inputFor('taskAssigned', 'en', 'expert'), timeZone: 'Europe/London' });

      expect(sut.text).toContain('Monday 7 December 2026 at 14:30');
    });

    it('says how pressing an offer is in the text, never in the subject', () => {
      const calm = renderNotification(inputFor('offerMade', 'nl', 'expert', false));
      const pressing = renderNotification(inputFor('offerMade', 'nl', 'expert', true));

      expect(pressing.text).toContain(`Dit verzoek heeft haast: u hebt tot ${DUE.nl} om te antwoorden.`);
      expect(calm.text).not.toContain('haast');
      expect(pressing.subject).toBe(calm.subject);
    });

    it('asks for an answer as soon as possible when there is no moment to name', () => {
      const sut = renderNotification({ ...inputFor('offerMade', 'nl', 'expert'), dueAt: undefined });

      expect(sut.text).toContain('zo snel mogelijk');
    });

    it('refuses a moment that is not an ISO date and time, rather than print "Invalid Date"', () => {
      expect(() => renderNotification({ ...inputFor('offerMade', 'nl', 'expert'), dueAt: 'next Monday' })).toThrow(RangeError);
      expect(() => renderNotification({ ...inputFor('offerMade', 'nl', 'expert'), dueAt: '2026-13-45T99:00:00Z' })).toThrow(RangeError);
    });

    it('refuses an escalation level that is not a whole number', () => {
      expect(() => renderNotification({ ...inputFor('escalationRaised', 'nl', 'role'), level: Number.NaN })).toThrow(RangeError);
      expect(() => renderNotification({ ...inputFor('escalationRaised', 'nl', 'role'), level: 1.5 })).toThrow(RangeError);
    });

    it('names the escalation level', () => {
      expect(renderNotification(inputFor('escalationClimbed', 'nl', 'role')).text).toContain('(niveau 3)');
      expect(renderNotification(inputFor('escalationClimbed', 'en', 'role')).text).toContain('(level 3)');
    });
  });

  describe('the recipient\'s name', () => {
    const render = (recipientName: string | undefined, language: 'nl' | 'en' = 'nl') =>
      renderNotification({ ...inputFor('offerMade', language, 'expert'), recipientName });

    it('loses line breaks, control and invisible characters', () => {
      const sut = render('Jan\r\nBcc: x@evil.example\u0000\u0007\u202E\u2028de Boer');

      expect(sut.text.split('\n')[0]).toBe('Beste Jan Bcc x evil.example de Boer,');
    });

    it('cannot carry a link into the greeting', () => {
      const sut = render('Klik https://evil.example/login');

      expect(sut.text).not.toContain('https://evil');
      expect(sut.text.split('\n')[0]).toBe('Beste Klik https evil.example login,');
    });

    it('is capped', () => {
      const sut = render('A'.repeat(500));

      expect(sut.text.split('\n')[0]).toBe(`Beste ${'A'.repeat(80)},`);
    });

    it('keeps the letters and signs names are written with', () => {
      expect(render('Zoë O’Neill-Özdemir').text.split('\n')[0]).toBe('Beste Zoë O’Neill-Özdemir,');
    });

    it('falls back to a greeting without a name when none is given or nothing is left of it', () => {
      expect(render(undefined).text.split('\n')[0]).toBe('Goedendag,');
      expect(render('\r\n\t<>').text.split('\n')[0]).toBe('Goedendag,');
      expect(render(undefined, 'en').text.split('\n')[0]).toBe('Hello,');
    });

    it('appears once, cleaned, in the greeting and nowhere else', () => {
      const canary = 'Kanarie\r\nZqxv';
      for (const kind of NOTIFICATION_KINDS) {
        for (const language of NOTIFICATION_LANGUAGES) {
          const sut = renderNotification({ ...inputFor(kind, language, 'expert'), recipientName: canary });

          expect(sut.text.split('Kanarie Zqxv')).toHaveLength(2);
          expect(sut.text.split('\n')[0]).toContain('Kanarie Zqxv');
          expect(sut.subject).not.toMatch(/Kanarie|Zqxv/);
          expect(sut.sms).not.toMatch(/Kanarie|Zqxv/);
        }
      }
    });
  });

  describe('what cannot reach a message', () => {
    it('takes no case text at all', () => {
      // @ts-expect-error: a template has no field for a case's description, and the type says so.
      renderNotification({ ...inputFor('offerMade', 'nl', 'expert'), description: 'Dreiging tegen de burgemeester' });
    });

    it('prints no field it does not know, even when a caller slips one in', () => {
      const smuggled = {
        ...inputFor('escalationRaised', 'nl', 'expert'),
        description: 'GEHEIM-1', officeHolder: 'GEHEIM-2', municipality: 'GEHEIM-3', category: 'GEHEIM-4', riskReasons: ['GEHEIM-5'], notes: 'GEHEIM-6',
      } as NotificationTemplateInput;

      const sut = renderNotification(smuggled);

      expect(JSON.stringify(sut)).not.toContain('GEHEIM');
    });

    it('prints nothing of the input but the name, the link, the moments and the duty contact', () => {
      const expert = renderNotification(inputFor('offerMade', 'nl', 'expert'));
      const partner = renderNotification(inputFor('escalationRaised', 'nl', 'partner'));
      const strip = (text: string) => text
        .replace('Anne-Marie de Vries', '').replace(LINK, '').replace(DUE.nl, '').replace('ma 7 dec 15:30', '')
        .replace(DUTY.phone, '').replace(DUTY.email, '');

      // What is left is the template's own words: the same as with other names, links, moments and contacts.
      const other = {
        expert: renderNotification({ ...inputFor('offerMade', 'nl', 'expert'), recipientName: 'Piet', link: 'https://x.example/', dueAt: '2027-01-04T08:00:00Z' }),
        partner: renderNotification({ ...inputFor('escalationRaised', 'nl', 'partner'), recipientName: 'Piet', dueAt: '2027-01-04T08:00:00Z', dutyContact: { phone: '06 11 22 33 44', email: 'a@b.example' } }),
      };
      const stripOther = (text: string) => text.replace('Piet', '').replace('https://x.example/', '').replace('maandag 4 januari 2027 om 09:00', '').replace('ma 4 jan 09:00', '').replace('06 11 22 33 44', '').replace('a@b.example', '');
      expect(strip(expert.text)).toBe(stripOther(other.expert.text));
      expect(strip(expert.sms)).toBe(stripOther(other.expert.sms));
      expect(strip(partner.text)).toBe(stripOther(other.partner.text));
      expect(strip(partner.sms)).toBe(stripOther(other.partner.sms));
    });
  });

  describe('the link and the duty contact', () => {
    it.each([
      ['a relative path', '/inbox'],
      ['a line break', 'https://brigade.example.nl/inbox\r\nBcc: x'],
      ['another scheme', 'javascript:alert(1)'],
      ['nothing', undefined],
    ])('refuses %s as the link for someone with an account', (_label, link) => {
      expect(() => renderNotification({ ...inputFor('offerMade', 'nl', 'expert'), link })).toThrow(/link/);
    });

    it('ignores a link handed in for a partner', () => {
      const sut = renderNotification({ ...inputFor('escalationRaised', 'en', 'partner'), link: LINK });

      expect(sut.text).not.toContain(LINK);
      expect(sut.sms).not.toContain(LINK);
    });

    it('puts the duty contact on one line each, cleaned', () => {
      const sut = renderNotification({ ...inputFor('escalationRaised', 'nl', 'partner'), dutyContact: { phone: '+31 70\r\n123', email: 'dienst@brigade.example.nl\u0000' } });

      expect(sut.text).toContain('Telefoon: +31 70 123\nE-mail: dienst@brigade.example.nl\n');
      expect(sut.sms).toContain('Dienstdoende coördinator: +31 70 123');
    });

    it('still tells a partner whom to contact when no contact is configured', () => {
      const sut = renderNotification({ ...inputFor('escalationRaised', 'nl', 'partner'), dutyContact: undefined });

      expect(sut.text).toContain('dienstdoende coördinator van de Vliegende Brigade');
      expect(sut.text).not.toMatch(/undefined|Telefoon|E-mail:/);
    });

    it('keeps every text message to one part when the link is of the usual length', () => {
      const long = MATRIX.map(({ kind, language, recipientKind, critical }) =>
        renderNotification({ ...inputFor(kind, language, recipientKind, critical), link: recipientKind === 'partner' ? undefined : 'https://brigade.example.nl/inbox' }).sms)
        .filter((sms) => (gsmUnits(sms) ?? Infinity) > 160);

      expect(long).toEqual([]);
    });

    it('leaves a link that would not fit out of the text message and points to the e-mail', () => {
      const longLink = `https://brigade.example.nl/inbox?${'x'.repeat(300)}`;

      const sut = renderNotification({ ...inputFor('offerMade', 'nl', 'expert'), link: longLink });

      expect(sut.sms).not.toContain('https://');
      expect(sut.sms.endsWith('Zie uw e-mail.')).toBe(true);
      expect(sut.text.split('\n')).toContain(longLink);
    });
  });
});
