import { useI18n } from '../i18n/language';
import { TextField } from './form-fields';

/**
 * The one date-time input of the screens: a text field typed day first (dd-mm-jjjj uu:mm on Dutch pages), whose hint
 * shows the pattern and an example, rather than the browser's picker, which follows the browser's locale, not the page's.
 */
export function DateTimeField({ hint, ...props }: {
  name: string; label: string; value: string; onValue: (value: string) => void; hint?: string; problems?: readonly string[]; scope?: string; requiredText?: string;
}) {
  const { m } = useI18n();
  return <TextField {...props} type="text" autoComplete="off" hint={hint ? `${hint} ${m.dateTimeInput.hint}` : m.dateTimeInput.hint} />;
}
