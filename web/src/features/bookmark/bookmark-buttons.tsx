import { useAction } from '@solidjs/router';
import { ToggleButton } from '../../components/toggle-button.tsx';
import { t } from '../../i18n/i18n.ts';
import { bookmarkPracticeAction, bookmarkThreadAction } from './bookmark.api.ts';

/** Save (or let go of) a practice or a thread for later; only the viewer sees their saved list. */
export function BookmarkButton(props: { kind: 'practice' | 'thread'; target: { id: string; viewerBookmarked: boolean }; signedIn: boolean }) {
  const actions = { practice: useAction(bookmarkPracticeAction), thread: useAction(bookmarkThreadAction) };
  return (
    <ToggleButton
      on={props.target.viewerBookmarked}
      signedIn={props.signedIn}
      labels={{ off: t('bookmark.save'), on: t('bookmark.saved') }}
      title={t('bookmark.title')}
      toggle={(next) => actions[props.kind](props.target.id, next)}
    />
  );
}
