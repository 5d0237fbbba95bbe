import { Show } from 'solid-js';
import { canModerate, createViewer } from '../account/account.api.ts';
import { FlagButton } from './flag-button.tsx';
import { HiddenBanner, HideRestore } from './moderator-tools.tsx';

/**
 * On a practice's page: "hidden" for those who still see a hidden one, "Báo cáo" for members
 * reading someone else's published practice, hide or restore for moderators.
 */
export function PracticeModeration(props: { practice: { id: string; status: string; authors: { id: string }[]; viewerFlagged?: boolean } }) {
  const viewer = createViewer();
  const hidden = () => props.practice.status === 'HIDDEN';
  const published = () => props.practice.status === 'PUBLISHED';
  const own = () => props.practice.authors.some((author) => author.id === viewer()?.id);
  return (
    <>
      <Show when={hidden()}>
        <HiddenBanner />
      </Show>
      <Show when={viewer() && (published() || hidden())}>
        <div class="practice-moderation">
          <Show when={published() && !own()}>
            <FlagButton target={{ practiceId: props.practice.id }} flagged={props.practice.viewerFlagged} />
          </Show>
          <Show when={canModerate(viewer()?.role)}>
            <HideRestore target={{ practiceId: props.practice.id }} hidden={hidden()} />
          </Show>
        </div>
      </Show>
    </>
  );
}
