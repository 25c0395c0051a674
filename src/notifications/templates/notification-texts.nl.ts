import type { LanguageTexts, MessageFacts } from './notification-text-shape';

const COORDINATOR = 'de dienstdoende coördinator van de Vliegende Brigade';

// Partners have no account, so wherever an expert is sent to Brigade, a partner is asked to get in touch instead.
function contactCoordinator(due: string | undefined): string {
  return `Wilt u ${due ? `uiterlijk ${due}` : 'zo snel mogelijk'} contact opnemen met ${COORDINATOR}?`;
}

function byWhen(due: string | undefined): string {
  return due ? `uiterlijk ${due}` : 'zo snel mogelijk';
}

// The SMS avoids "vóór" and other letters outside the GSM alphabet, which would halve the room in a text message.
function smsBy(due: string | undefined): string {
  return due ? ` uiterlijk ${due}` : '';
}

function levelNote(level: number | undefined): string {
  return level === undefined ? '' : ` (niveau ${level})`;
}

function escalationBody(opening: string, facts: MessageFacts): string[] {
  const ask = facts.partner
    ? contactCoordinator(facts.due)
    : `Wilt u ${byWhen(facts.due)} in Brigade bevestigen dat u het oppakt?`;
  return [`${opening}${levelNote(facts.level)}. ${ask}`];
}

function escalationSms(opening: string, facts: MessageFacts): string {
  const ask = facts.partner ? `Wilt u${smsBy(facts.due)} contact opnemen?` : `Wilt u${smsBy(facts.due)} bevestigen?`;
  return `${opening}${levelNote(facts.level)}. ${ask}`;
}

/** The messages in Dutch, formal "u": the default for everyone. */
export const notificationTextsNl: LanguageTexts = {
  locale: 'nl-NL',
  kinds: {
    offerMade: {
      subject: 'Vliegende Brigade: een aanbod wacht op uw antwoord',
      body: (facts) => {
        const ask = 'Wij vragen u een verzoek om ondersteuning op u te nemen.';
        if (facts.partner) return [ask, contactCoordinator(facts.due)];
        if (facts.critical && facts.due) return [ask, `Dit verzoek heeft haast: u hebt tot ${facts.due} om te antwoorden.`];
        if (facts.critical) return [ask, 'Dit verzoek heeft haast: wilt u zo snel mogelijk laten weten of u het aanneemt?'];
        return [ask, `Wilt u ${byWhen(facts.due)} laten weten of u het aanneemt?`];
      },
      linkLabel: 'Bekijk het verzoek en geef uw antwoord in Brigade:',
      sms: (facts) => `een verzoek om ondersteuning wacht op uw antwoord${facts.due ? ` tot ${facts.due}` : ''}.`,
    },
    offerWithdrawn: {
      subject: 'Vliegende Brigade: een aanbod is ingetrokken',
      body: () => ['Het verzoek om ondersteuning dat wij u eerder voorlegden, staat niet meer open. U hoeft niets te doen.'],
      linkLabel: 'Uw overzicht in Brigade:',
      sms: () => 'het verzoek om ondersteuning is ingetrokken. U hoeft niets te doen.',
    },
    taskAssigned: {
      subject: 'Vliegende Brigade: er staat een taak voor u klaar',
      body: (facts) => [
        'Er staat een voorbereidende taak voor u klaar.',
        facts.partner ? contactCoordinator(facts.due)
          : facts.critical && facts.due ? `Deze taak heeft haast: u hebt tot ${facts.due} om haar af te ronden.`
            : `Wilt u haar ${byWhen(facts.due)} afronden?`,
      ],
      linkLabel: 'Bekijk de taak in Brigade:',
      sms: (facts) => `er staat een taak voor u klaar${facts.due ? `, termijn ${facts.due}` : ''}.`,
    },
    taskDueSoon: {
      subject: 'Vliegende Brigade: herinnering aan een taak',
      body: (facts) => [
        facts.due
          ? `Dit is een herinnering: een voorbereidende taak van u moet uiterlijk ${facts.due} af zijn.`
          : 'Dit is een herinnering aan een voorbereidende taak van u die nog openstaat.',
        ...(facts.partner ? [contactCoordinator(undefined)] : []),
      ],
      linkLabel: 'Bekijk de taak in Brigade:',
      sms: (facts) => (facts.due ? `herinnering: uw taak moet uiterlijk ${facts.due} af zijn.` : 'herinnering: er staat nog een taak van u open.'),
    },
    taskWithdrawn: {
      subject: 'Vliegende Brigade: een taak is vervallen',
      body: () => ['Een voorbereidende taak die voor u klaarstond, is niet meer nodig. U hoeft er niets meer aan te doen.'],
      linkLabel: 'Uw overzicht in Brigade:',
      sms: () => 'een taak van u is niet meer nodig. U hoeft niets te doen.',
    },
    sessionScheduled: {
      subject: 'Vliegende Brigade: uitnodiging voor een voorbereidende sessie',
      body: (facts) => [
        facts.startsAt
          ? `U bent uitgenodigd voor een voorbereidende sessie op ${facts.startsAt}.`
          : 'U bent uitgenodigd voor een voorbereidende sessie.',
        ...(facts.invitationAttached ? ['De uitnodiging voor uw agenda zit als bijlage bij dit bericht.'] : []),
      ],
      linkLabel: 'Meer informatie in Brigade:',
      sms: (facts) => `uitnodiging voor een sessie${facts.startsAt ? ` op ${facts.startsAt}` : ''}, zie uw e-mail.`,
    },
    sessionMoved: {
      subject: 'Vliegende Brigade: een voorbereidende sessie is verplaatst',
      body: (facts) => [
        facts.startsAt
          ? `Een voorbereidende sessie waarvoor u bent uitgenodigd, is verplaatst. Het nieuwe tijdstip is ${facts.startsAt}.`
          : 'Een voorbereidende sessie waarvoor u bent uitgenodigd, is verplaatst.',
        ...(facts.invitationAttached ? ['De bijgewerkte uitnodiging voor uw agenda zit als bijlage bij dit bericht.'] : []),
      ],
      linkLabel: 'Meer informatie in Brigade:',
      sms: (facts) => `een sessie is verplaatst${facts.startsAt ? ` naar ${facts.startsAt}` : ''}, zie uw e-mail.`,
    },
    sessionCancelled: {
      subject: 'Vliegende Brigade: een voorbereidende sessie gaat niet door',
      body: (facts) => [
        facts.startsAt
          ? `De voorbereidende sessie van ${facts.startsAt} gaat niet door.`
          : 'Een voorbereidende sessie waarvoor u bent uitgenodigd, gaat niet door.',
        ...(facts.invitationAttached ? ['Met de bijlage bij dit bericht haalt u de afspraak uit uw agenda.'] : []),
      ],
      linkLabel: 'Uw overzicht in Brigade:',
      sms: (facts) => `de sessie${facts.startsAt ? ` van ${facts.startsAt}` : ''} gaat niet door.`,
    },
    escalationRaised: {
      subject: 'Vliegende Brigade: een zaak vraagt uw aandacht',
      body: (facts) => escalationBody('Een zaak vraagt uw aandacht', facts),
      linkLabel: 'Bekijk de zaak in Brigade:',
      sms: (facts) => escalationSms('een zaak vraagt uw aandacht', facts),
    },
    escalationClimbed: {
      subject: 'Vliegende Brigade: een zaak is naar u doorgezet',
      body: (facts) => escalationBody('Een zaak die nog niet is opgepakt, is naar u doorgezet', facts),
      linkLabel: 'Bekijk de zaak in Brigade:',
      sms: (facts) => escalationSms('een zaak is naar u doorgezet', facts),
    },
    deadlineMissed: {
      subject: 'Vliegende Brigade: een termijn is verstreken',
      body: (facts) => [
        'Een termijn in een zaak waaraan u werkt, is verstreken.',
        facts.partner ? contactCoordinator(facts.due) : `Wilt u de zaak ${byWhen(facts.due)} in Brigade bekijken?`,
      ],
      linkLabel: 'Bekijk de zaak in Brigade:',
      sms: (facts) => `een termijn is verstreken. ${facts.partner ? `Wilt u${smsBy(facts.due)} contact opnemen?` : `Wilt u de zaak${smsBy(facts.due)} bekijken?`}`,
    },
    caseCancelled: {
      subject: 'Vliegende Brigade: een zaak is stopgezet',
      body: () => ['Een zaak waaraan u meewerkte, is stopgezet. U hoeft er niets meer aan te doen.'],
      linkLabel: 'Uw overzicht in Brigade:',
      sms: () => 'een zaak waaraan u meewerkte, is stopgezet. U hoeft niets meer te doen.',
    },
  },
  greeting: (name) => (name ? `Beste ${name},` : 'Goedendag,'),
  signOff: ['Met vriendelijke groet,', 'Vliegende Brigade'],
  confidentialityNotice: 'Dit bericht is automatisch verstuurd. Om de vertrouwelijkheid te bewaren staat er geen inhoud van de zaak in dit bericht.',
  contactIntro: (hasDetails) => (hasDetails
    ? `U bereikt ${COORDINATOR} via:`
    : `U bereikt ${COORDINATOR} via het nummer dat u van de brigade hebt gekregen.`),
  phoneLine: (phone) => `Telefoon: ${phone}`,
  emailLine: (email) => `E-mail: ${email}`,
  smsContact: (contact) => `Dienstdoende coördinator: ${contact}`,
  smsSeeEmail: 'Zie uw e-mail.',
  longMoment: (p) => `${p.weekday} ${p.day} ${p.month} ${p.year} om ${p.time}`,
  shortMoment: (p) => `${p.weekday} ${p.day} ${p.month} ${p.time}`,
  calendarSummary: 'Voorbereidende sessie Vliegende Brigade',
  calendarDescription: (link) => [
    'Voorbereidende sessie van de Vliegende Brigade.',
    ...(link ? [`Meer informatie in Brigade: ${link}`] : []),
    'Om de vertrouwelijkheid te bewaren staat er geen inhoud van de zaak in deze uitnodiging.',
  ].join('\n'),
};
