import type { CatalogueLanguage } from '../i18n/catalogue/languages';

/** Every text of the local provider's pages, in one language. */
export interface ProviderTexts {
  readonly banner: string;
  readonly otherLanguage: { readonly code: CatalogueLanguage; readonly name: string };
  readonly signInTitle: string;
  readonly email: string;
  readonly password: string;
  readonly signIn: string;
  readonly wrongCredentials: string;
  readonly tooManyAttempts: string;
  readonly totpTitle: string;
  readonly totpIntro: string;
  readonly totpCode: string;
  readonly confirm: string;
  readonly wrongCode: string;
  readonly signOutTitle: string;
  readonly signOutQuestion: string;
  readonly signingOut: string;
  readonly signOut: string;
  readonly staySignedIn: string;
  readonly signedOutTitle: string;
  readonly signedOut: string;
  readonly errorTitle: string;
  readonly errorIntro: string;
}

/** The texts of the local provider's pages, by language; the labels are fixed by the sign-in contract. */
export const PROVIDER_TEXTS: Readonly<Record<CatalogueLanguage, ProviderTexts>> = {
  nl: {
    banner: 'Lokale aanmeldvoorziening — niet voor productie',
    otherLanguage: { code: 'en', name: 'English' },
    signInTitle: 'Aanmelden bij Brigade',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    signIn: 'Aanmelden',
    wrongCredentials: 'E-mailadres of wachtwoord klopt niet.',
    tooManyAttempts: 'Te veel mislukte pogingen voor dit e-mailadres. Probeer het over enkele minuten opnieuw.',
    totpTitle: 'Aanmelden bij Brigade',
    totpIntro: 'Vul de code van zes cijfers in die uw authenticator-app nu toont.',
    totpCode: 'Code uit uw authenticator-app',
    confirm: 'Bevestigen',
    wrongCode: 'De code klopt niet. Vul de code in die uw app nu toont.',
    signOutTitle: 'Afmelden bij Brigade',
    signOutQuestion: 'Wilt u zich afmelden bij de lokale aanmeldvoorziening?',
    signingOut: 'U wordt afgemeld.',
    signOut: 'Afmelden',
    staySignedIn: 'Aangemeld blijven',
    signedOutTitle: 'Afgemeld',
    signedOut: 'U bent afgemeld bij de lokale aanmeldvoorziening.',
    errorTitle: 'Aanmelden lukt niet',
    errorIntro: 'De aanmeldvoorziening kon dit verzoek niet afhandelen. Ga terug naar Brigade en meld u opnieuw aan.',
  },
  en: {
    banner: 'Local sign-in provider — not for production',
    otherLanguage: { code: 'nl', name: 'Nederlands' },
    signInTitle: 'Sign in to Brigade',
    email: 'E-mail address',
    password: 'Password',
    signIn: 'Sign in',
    wrongCredentials: 'E-mail address or password is incorrect.',
    tooManyAttempts: 'Too many failed attempts for this e-mail address. Try again in a few minutes.',
    totpTitle: 'Sign in to Brigade',
    totpIntro: 'Enter the six-digit code your authenticator app shows now.',
    totpCode: 'Code from your authenticator app',
    confirm: 'Confirm',
    wrongCode: 'The code is incorrect. Enter the code your app shows now.',
    signOutTitle: 'Sign out of Brigade',
    signOutQuestion: 'Do you want to sign out of the local sign-in provider?',
    signingOut: 'You are being signed out.',
    signOut: 'Sign out',
    staySignedIn: 'Stay signed in',
    signedOutTitle: 'Signed out',
    signedOut: 'You have signed out of the local sign-in provider.',
    errorTitle: 'Signing in failed',
    errorIntro: 'The sign-in provider could not handle this request. Go back to Brigade and sign in again.',
  },
};
