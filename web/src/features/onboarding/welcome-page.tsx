import { A, createAsync, useAction, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, Match, on, Show, Suspense, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, SubmitButton, TextField } from '../../components/form-field.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { localName, t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, problemOf, useFormSubmission } from '../../lib/form.ts';
import { safeNextPath } from '../account/account.api.ts';
import { getOwnProfile, type OwnProfile } from '../expert/profile.api.ts';
import { FollowButton } from '../follow/follow-buttons.tsx';
import { OrganizationSelect } from '../organization/organization-select.tsx';
import { PlaceSelect } from '../place/place-select.tsx';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { PROFILE_LIMITS } from '../../../../schema/field-limits.ts';
import { ot } from './onboarding-text.ts';
import { finishOnboardingAction, getSuggestedExperts, getWelcomeTopics, saveWelcomeProfileAction } from './onboarding.api.ts';
import { SuggestionList } from './suggestion-list.tsx';

const STEPS = ['profile', 'topics', 'people'] as const;
type Step = (typeof STEPS)[number];
/** How many people the last step suggests. */
const WELCOME_SUGGESTIONS = 8;

/**
 * `/welcome`: after sign-up, a few skippable steps (where one works and one's specialties,
 * topics to follow, people to follow) that leave a home page worth reading. Coming back later
 * works; leaving by "done" or "skip" is recorded, so it is not offered again.
 */
export default function WelcomePage() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const profile = createAsync(() => getOwnProfile());
  const [step, setStep] = createSignal(0);
  const finish = useAction(finishOnboardingAction);
  const leave = async (outcome: 'COMPLETED' | 'SKIPPED') => {
    await finish(outcome);
    const next = search.next;
    navigate(safeNextPath(Array.isArray(next) ? next[0] : next) ?? '/');
  };
  const current = (): Step => STEPS[step()] ?? 'profile';
  const headingId = () => `welcome-${current()}`;

  return (
    <div class="welcome-page">
      <DocumentTitle text={ot('title')} />
      <header>
        <h1 id="page-title">{ot('title')}</h1>
        <p class="lead">{ot('intro')}</p>
        <ol class="welcome-steps">
          <For each={STEPS}>{(name, index) => <li aria-current={index() === step() ? 'step' : undefined}>{`${index() + 1}. ${ot(`steps.${name}`)}`}</li>}</For>
        </ol>
        <button type="button" class="button button-secondary button-small" onClick={() => leave('SKIPPED')}>
          {ot('skipAll')}
        </button>
      </header>

      <section class="card" aria-labelledby={headingId()}>
        <p class="muted">{ot('stepOf', step() + 1, STEPS.length)}</p>
        <h2 id={headingId()}>{ot(`steps.${current()}`)}</h2>
        <SectionError>
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <Switch>
              <Match when={step() === 0 && profile()}>{(own) => <ProfileStep profile={own()} onDone={() => setStep(1)} />}</Match>
              <Match when={step() === 1}>
                <TopicsStep />
              </Match>
              <Match when={step() === 2}>
                <PeopleStep headingId={headingId()} />
              </Match>
            </Switch>
          </Suspense>
        </SectionError>
        <div class="button-row">
          <Show when={step() > 0}>
            <button type="button" class="button button-secondary" onClick={() => setStep(step() - 1)}>
              {ot('back')}
            </button>
          </Show>
          <Show
            when={step() < STEPS.length - 1}
            fallback={
              <button type="button" class="button" onClick={() => leave('COMPLETED')}>
                {ot('finish')}
              </button>
            }
          >
            <button type="button" class="button" classList={{ 'button-secondary': step() === 0 }} onClick={() => setStep(step() + 1)}>
              {step() === 0 ? ot('skipStep') : ot('continue')}
            </button>
          </Show>
        </div>
      </section>
    </div>
  );
}

/** Where one works, one's position and specialties, saved through the profile's own mutation. */
function ProfileStep(props: { profile: OwnProfile; onDone: () => void }) {
  const initial = props.profile;
  const [place, setPlace] = createSignal(initial.place ? (initial.place.current ? initial.place.code : (initial.place.successor?.code ?? '')) : '');
  const [organization, setOrganization] = createSignal(initial.organization?.slug ?? '');
  const submission = useFormSubmission(saveWelcomeProfileAction);
  const problem = () => problemOf(submission.result);
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );
  createEffect(
    on(
      () => submission.result,
      (result) => result?.ok && props.onDone(),
      { defer: true },
    ),
  );
  const specialtiesError = () => {
    const path = Object.keys(problem()?.fields ?? {}).find((p) => p === 'specialties' || p.startsWith('specialties.'));
    return path ? errorFor(problem(), path) : undefined;
  };
  return (
    <form action={saveWelcomeProfileAction} method="post" class="form" novalidate ref={form} aria-label={ot('steps.profile')}>
      <p class="field-hint">{ot('profileHint')}</p>
      <FormAlert problem={problem()} />
      <PlaceSelect id="welcome-place" name="place" value={place()} onChange={setPlace} error={errorFor(problem(), 'place')} />
      <OrganizationSelect id="welcome-organization" name="organization" place={place()} value={organization()} onChange={setOrganization} error={errorFor(problem(), 'organization')} />
      <TextField id="welcome-position" name="position" label={ot('position')} value={initial.position} optional maxLength={PROFILE_LIMITS.position} lang="vi" error={errorFor(problem(), 'position')} />
      <TopicCheckboxes id="welcome-specialties" name="specialties" value={initial.specialties.map((s) => s.slug)} error={specialtiesError()} />
      <SubmitButton pending={submission.pending ?? false} label={ot('saveAndContinue')} />
    </form>
  );
}

function TopicsStep() {
  const topics = createAsync(() => getWelcomeTopics());
  return (
    <>
      <p class="field-hint">{ot('topicsHint')}</p>
      <ul class="welcome-topics">
        <For each={topics()}>
          {(topic) => (
            <li class="welcome-topic">
              <span>{localName(topic)}</span>
              <FollowButton kind="topic" id={topic.slug} name={localName(topic)} target={topic} signedIn />
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

function PeopleStep(props: { headingId: string }) {
  const suggestions = createAsync(() => getSuggestedExperts(WELCOME_SUGGESTIONS));
  return (
    <>
      <p class="field-hint">{ot('peopleHint')}</p>
      <Show when={suggestions()?.length} fallback={<p>{ot('noSuggestions')}</p>}>
        <SuggestionList suggestions={suggestions()!} labelledBy={props.headingId} />
      </Show>
      <p>
        <A href="/experts">{ot('directory')}</A>
      </p>
    </>
  );
}
