import { render } from 'preact';
import { App } from './app';
import { LanguageProvider } from './i18n/language';
import { followAppLinks } from './navigation';
import { endSessionLocally, loadSession } from './session-store';

const root = document.getElementById('app');
if (!root) throw new Error('the page has no #app element');
root.textContent = '';
followAppLinks(document.body);
render(<LanguageProvider><App /></LanguageProvider>, root);
// Opening a page is the person's own doing, so this first check counts as activity. If the server cannot be reached,
// the page treats the person as signed out rather than waiting for ever.
loadSession({ background: false }).catch(() => endSessionLocally(null, null));
