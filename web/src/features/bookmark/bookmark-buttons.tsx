import { useAction } from '@solidjs/router';
import { ToggleButton } from '../../components/toggle-button.tsx';
import { t } from '../../i18n/i18n.ts';
import { bookmarkPracticeAction, bookmarkThreadAction } from './bookmark.api.ts';

const labels = () => ({ off: t('bookmark.save'), on: t('bookmark.saved') });

export function BookmarkPracticeButton(props: { practice: { id: string; viewerBookmarked: boolean }; signedIn: boolean }) {
  const bookmark = useAction(bookmarkPracticeAction);
  return (
    <ToggleButton
      on={props.practice.viewerBookmarked}
      signedIn={props.signedIn}
      labels={labels()}
      title={t('bookmark.title')}
      toggle={(next) => bookmark(props.practice.id, next)}
    />
  );
}

export function BookmarkThreadButton(props: { thread: { id: string; viewerBookmarked: boolean }; signedIn: boolean }) {
  const bookmark = useAction(bookmarkThreadAction);
  return (
    <ToggleButton
      on={props.thread.viewerBookmarked}
      signedIn={props.signedIn}
      labels={labels()}
      title={t('bookmark.title')}
      toggle={(next) => bookmark(props.thread.id, next)}
    />
  );
}
