import { render } from 'solid-js/web';
import { App } from './app.tsx';
import { settleStoredLocale } from './i18n/i18n.ts';
// Shared styles, in cascade order (a later file wins a tie); each page's own styles come with its chunk (features/*/*.css).
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';
import './styles/directory.css';
import './styles/feedback.css';
import './styles/header-tools.css';
import './styles/forms.css';
import './styles/cards.css';
import './styles/sections.css';
import './styles/markdown.css';
import './styles/browse.css';
import './styles/replies.css';
import './styles/controls.css';
import './styles/nav.css';
import './styles/notices.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
// A reader who chose English sees English from the first paint (its dictionary is a chunk of its own).
// A public page comes with its content inside #app for readers without JavaScript (server/public):
// solid's render appends, so the app takes its place instead.
void settleStoredLocale().then(() => {
  root.replaceChildren();
  render(() => <App />, root);
});
