import { useAction } from '@solidjs/router';
import { ToggleButton } from '../../components/toggle-button.tsx';
import { t } from '../../i18n/i18n.ts';
import { endorsePracticeAction } from './reaction.api.ts';

/** "This helped me", with how many said so; authors never see it on their own practice. */
export function EndorseButton(props: { practice: { id: string; viewerEndorsed: boolean; endorsementCount: number }; signedIn: boolean }) {
  const endorse = useAction(endorsePracticeAction);
  return (
    <ToggleButton
      on={props.practice.viewerEndorsed}
      count={props.practice.endorsementCount}
      signedIn={props.signedIn}
      labels={{ off: t('endorsement.helped'), on: t('endorsement.helpedOn') }}
      title={t('endorsement.title')}
      toggle={(next) => endorse(props.practice.id, next)}
    />
  );
}
