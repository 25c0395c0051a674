import { render } from 'preact';
import { App } from './app';
import { LanguageProvider } from './i18n/language';
import { followAppLinks } from './navigation';

const root = document.getElementById('app');
if (!root) throw new Error('the page has no #app element');
root.textContent = '';
followAppLinks(document.body);
render(<LanguageProvider><App /></LanguageProvider>, root);
