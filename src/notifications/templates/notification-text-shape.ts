import type { NotificationKind } from '../../domain/notifications/notification-kinds';

/**
 * What a kind's sentences may use: moments already written out in the recipient's language, the rung, and flags.
 * Nothing here comes from a case, and the recipient's name is not among it.
 */
export interface MessageFacts {
  /** The moment to act by, written out; absent when the message has none. */
  readonly due?: string;
  /** When the session starts, written out; session messages only. */
  readonly startsAt?: string;
  readonly level?: number;
  readonly critical: boolean;
  /** Partners have no account: they are asked to contact the duty coordinator instead of opening Brigade. */
  readonly partner: boolean;
  /** A session message carries an invitation (or its cancellation) for the calendar. */
  readonly invitationAttached: boolean;
}

/** The texts of one kind of message in one language. */
export interface KindTexts {
  /** A fixed string, so that no input can ever reach a subject; neutral: no category, place or urgency. */
  readonly subject: string;
  /** The paragraphs that say what happened and what to do, before the link or the duty contact. */
  body(facts: MessageFacts): readonly string[];
  /** The line above the link, for recipients with an account. */
  readonly linkLabel: string;
  /** One short sentence for the text message, after the sender's name and before the link or the contact. */
  sms(facts: MessageFacts): string;
}

/** A moment taken apart by Intl, so that each language puts the pieces in its own order. */
export interface MomentParts {
  readonly weekday: string;
  readonly day: string;
  readonly month: string;
  readonly year: string;
  /** `HH:MM`, 24-hour clock. */
  readonly time: string;
}

/** Every text of one language; a language file that misses a kind or a part does not compile. */
export interface LanguageTexts {
  /** The BCP 47 locale Intl writes moments in. */
  readonly locale: string;
  readonly kinds: { readonly [K in NotificationKind]: KindTexts };
  greeting(name: string | undefined): string;
  readonly signOff: readonly string[];
  /** Says the message is automatic and carries no case details on purpose. */
  readonly confidentialityNotice: string;
  /** Introduces the duty coordinator's phone and e-mail for partners, or stands alone when none is configured. */
  contactIntro(hasDetails: boolean): string;
  phoneLine(phone: string): string;
  emailLine(email: string): string;
  /** Ends a partner's text message with the duty coordinator's number or address. */
  smsContact(contact: string): string;
  /** Ends a text message that had no room left for the link. */
  readonly smsSeeEmail: string;
  /** A moment in full, for the e-mail: "maandag 7 december 2026 om 15:30". */
  longMoment(parts: MomentParts): string;
  /** A moment in brief, for the text message: "ma 7 dec 15:30". */
  shortMoment(parts: MomentParts): string;
  readonly calendarSummary: string;
  calendarDescription(link: string | undefined): string;
}
