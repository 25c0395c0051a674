import type { LanguageTexts, MessageFacts } from './notification-text-shape';

const COORDINATOR = "the Vliegende Brigade's duty coordinator";

// Partners have no account, so wherever an expert is sent to Brigade, a partner is asked to get in touch instead.
function contactCoordinator(due: string | undefined): string {
  return `Please contact ${COORDINATOR} ${due ? `by ${due}` : 'as soon as possible'}.`;
}

function byWhen(due: string | undefined): string {
  return due ? `by ${due}` : 'as soon as possible';
}

function smsBy(due: string | undefined): string {
  return due ? ` by ${due}` : '';
}

function levelNote(level: number | undefined): string {
  return level === undefined ? '' : ` (level ${level})`;
}

function escalationBody(opening: string, facts: MessageFacts): string[] {
  const ask = facts.partner
    ? contactCoordinator(facts.due)
    : `Please confirm in Brigade ${byWhen(facts.due)} that you are picking it up.`;
  return [`${opening}${levelNote(facts.level)}. ${ask}`];
}

function escalationSms(opening: string, facts: MessageFacts): string {
  const ask = facts.partner ? `Please get in touch${smsBy(facts.due)}.` : `Please acknowledge${smsBy(facts.due)}.`;
  return `${opening}${levelNote(facts.level)}. ${ask}`;
}

/** The messages in English, for recipients who asked for it. */
export const notificationTextsEn: LanguageTexts = {
  locale: 'en-GB',
  kinds: {
    offerMade: {
      subject: 'Vliegende Brigade: an offer awaits your answer',
      body: (facts) => {
        const ask = 'We are asking you to take on a request for support.';
        if (facts.partner) return [ask, contactCoordinator(facts.due)];
        if (facts.critical && facts.due) return [ask, `This request is pressing: you have until ${facts.due} to answer.`];
        if (facts.critical) return [ask, 'This request is pressing: please let us know as soon as possible whether you accept it.'];
        return [ask, `Please let us know ${byWhen(facts.due)} whether you accept it.`];
      },
      linkLabel: 'View the request and give your answer in Brigade:',
      sms: (facts) => `a request for support awaits your answer${smsBy(facts.due)}.`,
    },
    offerWithdrawn: {
      subject: 'Vliegende Brigade: an offer has been withdrawn',
      body: () => ['The request for support we put to you earlier no longer stands. There is nothing you need to do.'],
      linkLabel: 'Your overview in Brigade:',
      sms: () => 'the request for support has been withdrawn. No action needed.',
    },
    taskAssigned: {
      subject: 'Vliegende Brigade: a task is waiting for you',
      body: (facts) => [
        'A preparatory task is waiting for you.',
        facts.partner ? contactCoordinator(facts.due)
          : facts.critical && facts.due ? `This task is pressing: you have until ${facts.due} to complete it.`
            : `Please complete it ${byWhen(facts.due)}.`,
      ],
      linkLabel: 'View the task in Brigade:',
      sms: (facts) => `a task is waiting for you${facts.due ? `, due ${facts.due}` : ''}.`,
    },
    taskDueSoon: {
      subject: 'Vliegende Brigade: a reminder about a task',
      body: (facts) => [
        facts.due
          ? `This is a reminder: a preparatory task of yours is due by ${facts.due}.`
          : 'This is a reminder about a preparatory task of yours that is still open.',
        ...(facts.partner ? [contactCoordinator(undefined)] : []),
      ],
      linkLabel: 'View the task in Brigade:',
      sms: (facts) => (facts.due ? `reminder: your task is due by ${facts.due}.` : 'reminder: a task of yours is still open.'),
    },
    taskWithdrawn: {
      subject: 'Vliegende Brigade: a task has been withdrawn',
      body: () => ['A preparatory task that was waiting for you is no longer needed. There is nothing more you need to do.'],
      linkLabel: 'Your overview in Brigade:',
      sms: () => 'a task of yours is no longer needed. No action needed.',
    },
    sessionScheduled: {
      subject: 'Vliegende Brigade: invitation to a preparatory session',
      body: (facts) => [
        facts.startsAt
          ? `You are invited to a preparatory session on ${facts.startsAt}.`
          : 'You are invited to a preparatory session.',
        ...(facts.invitationAttached ? ['The invitation for your calendar is attached to this message.'] : []),
      ],
      linkLabel: 'More in Brigade:',
      sms: (facts) => `invitation to a session${facts.startsAt ? ` on ${facts.startsAt}` : ''}, see your e-mail.`,
    },
    sessionMoved: {
      subject: 'Vliegende Brigade: a preparatory session has been moved',
      body: (facts) => [
        facts.startsAt
          ? `A preparatory session you are invited to has been moved. The new time is ${facts.startsAt}.`
          : 'A preparatory session you are invited to has been moved.',
        ...(facts.invitationAttached ? ['The updated invitation for your calendar is attached to this message.'] : []),
      ],
      linkLabel: 'More in Brigade:',
      sms: (facts) => `a session has been moved${facts.startsAt ? ` to ${facts.startsAt}` : ''}, see your e-mail.`,
    },
    sessionCancelled: {
      subject: 'Vliegende Brigade: a preparatory session has been cancelled',
      body: (facts) => [
        facts.startsAt
          ? `The preparatory session on ${facts.startsAt} will no longer take place.`
          : 'A preparatory session you were invited to will no longer take place.',
        ...(facts.invitationAttached ? ['The attachment to this message removes it from your calendar.'] : []),
      ],
      linkLabel: 'Your overview in Brigade:',
      sms: (facts) => `the session${facts.startsAt ? ` on ${facts.startsAt}` : ''} has been cancelled.`,
    },
    escalationRaised: {
      subject: 'Vliegende Brigade: a case needs your attention',
      body: (facts) => escalationBody('A case needs your attention', facts),
      linkLabel: 'View the case in Brigade:',
      sms: (facts) => escalationSms('a case needs your attention', facts),
    },
    escalationClimbed: {
      subject: 'Vliegende Brigade: a case has been passed on to you',
      body: (facts) => escalationBody('A case that has not yet been picked up has been passed on to you', facts),
      linkLabel: 'View the case in Brigade:',
      sms: (facts) => escalationSms('a case has been passed on to you', facts),
    },
    deadlineMissed: {
      subject: 'Vliegende Brigade: a deadline has passed',
      body: (facts) => [
        'A deadline in a case you work on has passed.',
        facts.partner ? contactCoordinator(facts.due) : `Please look at the case in Brigade ${byWhen(facts.due)}.`,
      ],
      linkLabel: 'View the case in Brigade:',
      sms: (facts) => `a deadline has passed. ${facts.partner ? `Please get in touch${smsBy(facts.due)}.` : `Please look at the case${smsBy(facts.due)}.`}`,
    },
    caseCancelled: {
      subject: 'Vliegende Brigade: a case has been cancelled',
      body: () => ['A case you were working on has been cancelled. There is nothing more you need to do.'],
      linkLabel: 'Your overview in Brigade:',
      sms: () => 'a case you were working on has been cancelled. No action needed.',
    },
  },
  greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
  signOff: ['Kind regards,', 'Vliegende Brigade'],
  confidentialityNotice: 'This message was sent automatically. To keep cases confidential, it holds no case details on purpose.',
  contactIntro: (hasDetails) => (hasDetails
    ? `You can reach ${COORDINATOR} at:`
    : `You can reach ${COORDINATOR} on the number the brigade gave you.`),
  phoneLine: (phone) => `Phone: ${phone}`,
  emailLine: (email) => `E-mail: ${email}`,
  smsContact: (contact) => `Duty coordinator: ${contact}`,
  smsSeeEmail: 'See your e-mail.',
  longMoment: (p) => `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.time}`,
  shortMoment: (p) => `${p.weekday} ${p.day} ${p.month} ${p.time}`,
  calendarSummary: 'Preparatory session, Vliegende Brigade',
  calendarDescription: (link) => [
    'Preparatory session of the Vliegende Brigade.',
    ...(link ? [`More in Brigade: ${link}`] : []),
    'To keep cases confidential, this invitation holds no case details on purpose.',
  ].join('\n'),
};
