import { useAction } from '@solidjs/router';
import { ToggleButton } from '../../components/toggle-button.tsx';
import { t } from '../../i18n/i18n.ts';
import { followExpertAction, followThreadAction, followTopicAction } from './follow.api.ts';

/** Something one can follow, with the state the API reports on it. */
interface Followable {
  viewerFollows: boolean;
  followerCount: number;
}

/**
 * Follow or stop following an expert (by id), a topic (by slug) or a thread (by id); `name`
 * goes into the button's description.
 */
export function FollowButton(props: { kind: 'expert' | 'topic' | 'thread'; id: string; name?: string; target: Followable; signedIn: boolean }) {
  const actions = { expert: useAction(followExpertAction), topic: useAction(followTopicAction), thread: useAction(followThreadAction) };
  const title = () => (props.kind === 'expert' ? t('follow.expertTitle', props.name ?? '') : props.kind === 'topic' ? t('follow.topicTitle', props.name ?? '') : t('follow.threadTitle'));
  return (
    <ToggleButton
      on={props.target.viewerFollows}
      count={props.target.followerCount}
      signedIn={props.signedIn}
      labels={{ off: t('follow.follow'), on: t('follow.following') }}
      title={title()}
      toggle={(next) => actions[props.kind](props.id, next)}
    />
  );
}
