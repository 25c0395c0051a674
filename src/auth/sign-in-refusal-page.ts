import type { CatalogueLanguage } from '../i18n/catalogue/languages';
import type { IdentityRefusalReason } from './provider-identity';

/** Why the way back from the provider ended on a refusal page: the identity checks, or the sign-in attempt itself. */
export type SignInRefusalReason = IdentityRefusalReason | 'reauthentication_required' | 'attempt_unknown' | 'attempt_mismatch' | 'provider_error' | 'provider_unreachable' | 'exchange_failed';

interface PageTexts {
  readonly title: string;
  readonly again: string;
  readonly reasons: Readonly<Record<SignInRefusalReason, string>>;
}

const TEXTS: Readonly<Record<CatalogueLanguage, PageTexts>> = {
  nl: {
    title: 'Aanmelden is niet gelukt',
    again: 'Opnieuw aanmelden',
    reasons: {
      no_role: 'Uw account heeft geen rol in Brigade. Vraag de coördinator of beheerder van de vliegende brigade om toegang.',
      several_roles: 'Uw account heeft meer dan één rol in Brigade; dat kan niet. Vraag de beheerder er één te kiezen.',
      subject_unusable: 'De aanmeldvoorziening gaf een kenmerk dat Brigade niet kan gebruiken. Meld dit aan de beheerder.',
      expert_not_in_pool: 'U staat niet in de expertpool van de vliegende brigade, of uw account is niet aan uw expertgegevens gekoppeld. Vraag een coördinator dat te doen.',
      expert_deactivated: 'Uw plaats in de expertpool is beëindigd; u hebt geen toegang meer.',
      expert_linked_elsewhere: 'Uw e-mailadres hoort in de expertpool bij een ander account. Vraag een coördinator om uw gegevens na te kijken.',
      stronger_sign_in_required: 'Brigade vraagt een aanmelding met een tweede factor (bijvoorbeeld een code uit een authenticator-app). Meld u opnieuw aan en gebruik die.',
      reauthentication_required: 'Brigade vraagt u bij het aanmelden opnieuw uw gegevens in te voeren, en de aanmeldvoorziening deed dat niet. Meld u opnieuw aan.',
      attempt_unknown: 'Deze aanmelding is verlopen of al gebruikt. Begin opnieuw.',
      attempt_mismatch: 'Het antwoord van de aanmeldvoorziening hoort niet bij uw aanmelding. Begin opnieuw.',
      provider_error: 'De aanmeldvoorziening heeft de aanmelding afgebroken.',
      provider_unreachable: 'De aanmeldvoorziening is nu niet bereikbaar. Probeer het over enkele minuten opnieuw.',
      exchange_failed: 'De aanmelding kon niet worden bevestigd. Begin opnieuw.',
    },
  },
  en: {
    title: 'Signing in did not succeed',
    again: 'Sign in again',
    reasons: {
      no_role: 'Your account has no role in Brigade. Ask the flying brigade\'s coordinator or administrator for access.',
      several_roles: 'Your account has more than one role in Brigade, which is not possible. Ask the administrator to choose one.',
      subject_unusable: 'The sign-in service sent an identifier Brigade cannot use. Please tell the administrator.',
      expert_not_in_pool: 'You are not in the flying brigade\'s expert pool, or your account is not linked to your expert record. Ask a coordinator to link it.',
      expert_deactivated: 'Your place in the expert pool has ended; you no longer have access.',
      expert_linked_elsewhere: 'Your e-mail address belongs to another account in the expert pool. Ask a coordinator to check your record.',
      stronger_sign_in_required: 'Brigade asks for a sign-in with a second factor (such as a code from an authenticator app). Sign in again and use it.',
      reauthentication_required: 'Brigade asks you to enter your credentials again when you sign in, and the sign-in service did not. Sign in again.',
      attempt_unknown: 'This sign-in has expired or was already used. Start again.',
      attempt_mismatch: 'The sign-in service\'s answer does not belong to your sign-in. Start again.',
      provider_error: 'The sign-in service stopped the sign-in.',
      provider_unreachable: 'The sign-in service cannot be reached right now. Try again in a few minutes.',
      exchange_failed: 'The sign-in could not be confirmed. Start again.',
    },
  },
};

/** A plain page that says, in the person's language, why signing in stopped, and offers to start again. */
export function signInRefusalPage(reason: SignInRefusalReason, language: CatalogueLanguage): string {
  const texts = TEXTS[language];
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${texts.title} — Brigade</title></head>
<body>
<main>
<h1>${texts.title}</h1>
<p role="alert" data-reason="${reason}">${escapeHtml(texts.reasons[reason])}</p>
<p><a href="/auth/login">${texts.again}</a></p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
