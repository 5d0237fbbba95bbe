import { createSignal, For, Show } from 'solid-js';
import { FieldError, FormAlert, SelectField, SubmitButton } from '../../components/form-field.tsx';
import { type FormProblem, type Outcome, refusedLocally } from '../../lib/form.ts';
import { type FoundPerson, PersonSearch } from '../expert/person-search.tsx';
import { useProblem } from './admin-form.ts';
import { type ProgrammeAdmin, type ReportingOrganization, removeReporter, setReporter } from './programme.api.ts';
import { pt } from './programme-text.ts';

/** The organisations that report, ministries then provinces, as a select's groups. */
function OrganizationOptions(props: { organizations: readonly ReportingOrganization[] }) {
  return (
    <For each={['MINISTRY', 'PROVINCE'] as const}>
      {(level) => (
        <optgroup label={pt(`levels.${level}`)}>
          <For each={props.organizations.filter((o) => o.level === level)}>{(o) => <option value={o.slug}>{o.name}</option>}</For>
        </optgroup>
      )}
    </For>
  );
}

export function Reporters(props: { reporters: ProgrammeAdmin['programmeReporters']; organizations: readonly ReportingOrganization[]; onDone: () => void }) {
  const [pending, setPending] = createSignal(false);
  const [success, setSuccess] = createSignal<string>();
  const [person, setPerson] = createSignal<FoundPerson | null>(null);
  let form: HTMLFormElement | undefined;
  const { problem, settle, error } = useProblem(() => form);

  const write = async (attempt: () => Promise<Outcome<unknown>>, message: string) => {
    setSuccess(undefined);
    setPending(true);
    const result = await attempt();
    setPending(false);
    settle(result);
    if (result.ok) {
      setSuccess(message);
      props.onDone();
    }
    return result.ok;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const organization = String(data.get('organization') ?? '');
    const chosen = person();
    const found: FormProblem['fields'] = {};
    if (!organization) found.organization = 'REQUIRED';
    else if (!props.organizations.some((o) => o.slug === organization)) found.organization = 'NOT_REPORTING';
    if (!chosen) found.expertId = 'REQUIRED';
    if (!chosen || Object.keys(found).length) return settle(refusedLocally(found));
    if (await write(() => setReporter(organization, chosen.id), pt('reporterAdded'))) {
      form?.reset();
      setPerson(null);
    }
  };

  return (
    <section aria-labelledby="reporters-title">
      <h2 id="reporters-title">{pt('reporters')}</h2>
      <form ref={form} class="programme-reporter-form" novalidate aria-labelledby="reporters-title" onSubmit={submit}>
        <FormAlert problem={problem()} success={success()} />
        <div class="programme-copy-fields">
          <SelectField id="reporter-organization" name="organization" label={pt('reportingOrganization')} error={error('organization')}>
            <option value="">{pt('chooseOne')}</option>
            <OrganizationOptions organizations={props.organizations} />
          </SelectField>
          <Show
            when={person()}
            fallback={
              <PersonSearch
                id="reporter-person"
                label={pt('person')}
                hint={pt('personHint')}
                excluded={() => false}
                error={error('expertId')}
                actions={(found, done) => (
                  <button
                    type="button"
                    class="button button-small button-secondary"
                    aria-label={pt('choosePerson', found.name)}
                    onClick={() => {
                      setPerson(found);
                      done();
                    }}
                  >
                    {pt('choose')}
                  </button>
                )}
              />
            }
          >
            {(chosen) => (
              <div class="field" classList={{ 'has-error': Boolean(error('expertId')) }}>
                <span class="field-label">{pt('person')}</span>
                <p class="programme-chosen-person">
                  <a href={`/experts/${chosen().handle}`}>{chosen().name}</a>{' '}
                  <button type="button" class="button button-small button-secondary" onClick={() => setPerson(null)}>
                    {pt('changePerson')}
                  </button>
                </p>
                <FieldError id="reporter-person" error={error('expertId')} />
              </div>
            )}
          </Show>
          <SubmitButton pending={pending()} label={pt('addReporter')} />
        </div>
      </form>
      <div class="programme-table-scroll">
        <table class="programme-table">
          <thead>
            <tr>
              <th scope="col">{pt('organization')}</th>
              <th scope="col">{pt('reporters')}</th>
              <th scope="col">
                <span class="visually-hidden">{pt('remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.reporters}>
              {(r) => (
                <tr>
                  <td>{r.organization.name}</td>
                  <td>
                    <a href={`/experts/${r.expert.handle}`}>{r.expert.name}</a>
                  </td>
                  <td>
                    <button
                      type="button"
                      class="button button-secondary"
                      disabled={pending()}
                      onClick={() => void write(() => removeReporter(r.organization.slug, r.expert.id), pt('reporterRemoved'))}
                    >
                      {pt('remove')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
