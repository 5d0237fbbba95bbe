import { useAction } from '@solidjs/router';
import { ToggleButton } from '../../components/toggle-button.tsx';
import { t } from '../../i18n/i18n.ts';
import { followExpertAction, followThreadAction, followTopicAction } from './follow.api.ts';

/** The state every follow button starts from, as the API reports it on the followed object. */
interface Followable {
  viewerFollows: boolean;
  followerCount: number;
}

const labels = () => ({ off: t('follow.follow'), on: t('follow.following') });

export function FollowExpertButton(props: { expert: Followable & { id: string; name: string }; signedIn: boolean }) {
  const follow = useAction(followExpertAction);
  return (
    <ToggleButton
      on={props.expert.viewerFollows}
      count={props.expert.followerCount}
      signedIn={props.signedIn}
      labels={labels()}
      title={t('follow.expertTitle', props.expert.name)}
      toggle={(next) => follow(props.expert.id, next)}
    />
  );
}

export function FollowTopicButton(props: { topic: Followable & { slug: string; name: string }; signedIn: boolean }) {
  const follow = useAction(followTopicAction);
  return (
    <ToggleButton
      on={props.topic.viewerFollows}
      count={props.topic.followerCount}
      signedIn={props.signedIn}
      labels={labels()}
      title={t('follow.topicTitle', props.topic.name)}
      toggle={(next) => follow(props.topic.slug, next)}
    />
  );
}

export function FollowThreadButton(props: { thread: Followable & { id: string }; signedIn: boolean }) {
  const follow = useAction(followThreadAction);
  return (
    <ToggleButton
      on={props.thread.viewerFollows}
      count={props.thread.followerCount}
      signedIn={props.signedIn}
      labels={labels()}
      title={t('follow.threadTitle')}
      toggle={(next) => follow(props.thread.id, next)}
    />
  );
}
