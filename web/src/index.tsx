import { render } from 'solid-js/web';
import { App } from './app.tsx';
import { settleStoredLocale } from './i18n/i18n.ts';
import './styles/app.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
// A reader who chose English sees English from the first paint (its dictionary is a chunk of its own).
void settleStoredLocale().then(() => render(() => <App />, root));
