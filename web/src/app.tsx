import { Navigate, Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { AppShell } from './components/app-shell.tsx';
import { preloadDirectory, preloadProfile } from './features/expert/expert.api.ts';

// Each page is its own chunk; the preload functions stay here so data starts loading with the code.
const ExpertDirectory = lazy(() => import('./features/expert/expert-directory.tsx'));
const ExpertProfile = lazy(() => import('./features/expert/expert-profile.tsx'));
const NotFoundPage = lazy(() => import('./components/not-found-page.tsx'));

/** Until the home page exists, the directory is the front door. */
const ToDirectory = () => <Navigate href="/experts" />;

export function App() {
  return (
    <Router root={AppShell}>
      <Route path="/" component={ToDirectory} />
      <Route path="/experts" component={ExpertDirectory} preload={preloadDirectory} />
      <Route path="/experts/:handle" component={ExpertProfile} preload={preloadProfile} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
