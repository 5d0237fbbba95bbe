import { lazy, Show, Suspense } from 'solid-js';
import { createViewer } from '../account/account.api.ts';

// The bell and its live connection load only for a signed-in person, after the page itself.
const NotificationBell = lazy(() => import('./notification-bell.tsx'));

/** The header's place for the notification bell: empty for visitors. */
export function NotificationBellSlot() {
  const viewer = createViewer();
  return (
    <Suspense>
      <Show when={viewer()}>
        <NotificationBell />
      </Show>
    </Suspense>
  );
}
