import { createSignal, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { fieldErrorText, type FormProblem, formErrorText } from '../../lib/form.ts';
import { ENTERPRISE_LIMITS } from '../../../../schema/enterprise/limits.ts';
import { CAPABILITIES, type Capability, type EnterpriseProfileData, linkEnterprisePractice, unlinkEnterprisePractice, updateEnterpriseProfile } from './enterprise.api.ts';
import { et } from './enterprise-text.ts';

type Enterprise = EnterpriseProfileData['enterprise'];

/** The practice id in what a curator pastes: a practice's address or its id alone. */
const practiceIdOf = (text: string) => text.trim().match(/(?:\/practices\/)?([A-Za-z0-9_-]{4,200})\/?$/)?.[1] ?? '';

/** The problems of a write, each field's in words, for the list under the form. */
function problemLines(problem: FormProblem | undefined): string[] {
  if (!problem) return [];
  const fields = Object.entries(problem.fields).map(([path, code]) => `${path}: ${fieldErrorText(path, code)}`);
  return fields.length ? fields : problem.form ? [formErrorText(problem.form)] : [];
}

/** Curators and admins: the profile's fields, and the practices it took part in. Every save is audited by the API. */
export function EnterpriseEditor(props: { enterprise: Enterprise; places: EnterpriseProfileData['places'] }) {
  const e = () => props.enterprise;
  const [capabilities, setCapabilities] = createSignal<Capability[]>([...e().capabilities]);
  const [pilots, setPilots] = createStore(e().pilots.map((p) => ({ place: p.place.code, role: p.role, roleEn: p.roleEn })));
  const [allianceMember, setAllianceMember] = createSignal(e().allianceMember);
  const [problem, setProblem] = createSignal<FormProblem>();
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const year = Number.parseInt(text('allianceSince'), 10);
    setBusy(true);
    setSaved(false);
    const outcome = await updateEnterpriseProfile(e().slug, {
      capabilities: capabilities(),
      description: text('description'),
      descriptionEn: text('descriptionEn'),
      website: text('website') || null,
      pilots: pilots.filter((p) => p.place).map((p) => ({ place: p.place, role: p.role.trim(), roleEn: p.roleEn.trim() })),
      allianceMember: allianceMember(),
      allianceSince: allianceMember() && Number.isFinite(year) ? year : null,
      contactHandle: text('contactHandle').replace(/^@/, '') || null,
    });
    setBusy(false);
    setProblem(outcome.ok ? undefined : outcome.problem);
    setSaved(outcome.ok);
  };

  const [linkProblem, setLinkProblem] = createSignal<FormProblem>();
  const link = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const outcome = await linkEnterprisePractice(e().slug, practiceIdOf(String(form.get('practice') ?? '')), String(form.get('role') ?? '').trim());
    setLinkProblem(outcome.ok ? undefined : outcome.problem);
    if (outcome.ok) formElement.reset();
  };

  return (
    <section class="enterprise-editor" aria-labelledby="enterprise-editor-heading">
      <h2 id="enterprise-editor-heading">{et('edit')}</h2>
      <p class="muted">{et('editIntro')}</p>
      <form onSubmit={save} aria-describedby="enterprise-editor-problems">
        <fieldset class="field">
          <legend>{et('capabilities')}</legend>
          <For each={CAPABILITIES}>
            {(capability) => (
              <div class="field-checkbox">
                <label>
                  <input
                    type="checkbox"
                    name="capabilities"
                    checked={capabilities().includes(capability)}
                    onChange={(event) => setCapabilities(event.currentTarget.checked ? [...capabilities(), capability] : capabilities().filter((c) => c !== capability))}
                  />{' '}
                  {et(`capability.${capability}`)}
                </label>
              </div>
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for="enterprise-description">{et('description')}</label>
          <textarea id="enterprise-description" name="description" class="input" rows="4" maxLength={ENTERPRISE_LIMITS.description} aria-describedby="enterprise-description-hint">
            {e().description}
          </textarea>
          <p id="enterprise-description-hint" class="field-hint">
            {et('descriptionHint')}
          </p>
        </div>
        <div class="field">
          <label for="enterprise-description-en">{et('descriptionEn')}</label>
          <textarea id="enterprise-description-en" name="descriptionEn" class="input" rows="3" maxLength={ENTERPRISE_LIMITS.description} lang="en">
            {e().descriptionEn}
          </textarea>
        </div>
        <div class="field">
          <label for="enterprise-website">{et('website')}</label>
          <input id="enterprise-website" name="website" type="url" class="input" value={e().website ?? ''} />
        </div>
        <div class="field">
          <label for="enterprise-contact">{et('contactHandle')}</label>
          <input id="enterprise-contact" name="contactHandle" class="input" value={e().contact?.handle ?? ''} />
        </div>
        <fieldset class="field enterprise-pilot-rows">
          <legend>{et('pilotsEdit')}</legend>
          <Index each={pilots}>
            {(pilot, i) => (
              <div class="enterprise-pilot-row">
                <label>
                  <span class="visually-hidden">{et('pilotPlace')}</span>
                  <select class="select" aria-label={et('pilotPlace')} onChange={(event) => setPilots(i, 'place', event.currentTarget.value)}>
                    <option value="">—</option>
                    <For each={props.places}>
                      {(place) => (
                        <option value={place.code} selected={pilot().place === place.code}>
                          {place.name}
                        </option>
                      )}
                    </For>
                  </select>
                </label>
                <input
                  class="input"
                  aria-label={et('pilotRole')}
                  placeholder={et('pilotRole')}
                  value={pilot().role}
                  maxLength={ENTERPRISE_LIMITS.pilotRole}
                  onInput={(event) => setPilots(i, 'role', event.currentTarget.value)}
                />
                <input
                  class="input"
                  lang="en"
                  aria-label={et('pilotRoleEn')}
                  placeholder={et('pilotRoleEn')}
                  value={pilot().roleEn}
                  maxLength={ENTERPRISE_LIMITS.pilotRole}
                  onInput={(event) => setPilots(i, 'roleEn', event.currentTarget.value)}
                />
                <button type="button" class="button button-secondary" onClick={() => setPilots(pilots.filter((_, j) => j !== i))}>
                  {et('removePilot')}
                </button>
              </div>
            )}
          </Index>
          <Show when={pilots.length < ENTERPRISE_LIMITS.pilots}>
            <button type="button" class="button button-secondary" onClick={() => setPilots(pilots.length, { place: '', role: '', roleEn: '' })}>
              {et('addPilot')}
            </button>
          </Show>
        </fieldset>
        <div class="field field-checkbox">
          <label>
            <input type="checkbox" id="enterprise-alliance-member" checked={allianceMember()} onChange={(event) => setAllianceMember(event.currentTarget.checked)} /> {et('allianceMember')}
          </label>
        </div>
        <Show when={allianceMember()}>
          <div class="field">
            <label for="enterprise-alliance-since">{et('allianceSince')}</label>
            <input id="enterprise-alliance-since" name="allianceSince" type="number" class="input input-short" min="2019" value={e().allianceSince ?? ''} />
          </div>
        </Show>
        <ul id="enterprise-editor-problems" class="form-problems" role="alert">
          <For each={problemLines(problem())}>{(line) => <li>{line}</li>}</For>
        </ul>
        <Show when={saved()}>
          <p role="status" class="form-saved">
            {et('saved')}
          </p>
        </Show>
        <button type="submit" class="button" disabled={busy()}>
          {et('save')}
        </button>
      </form>

      <h3>{et('practices')}</h3>
      <ul class="enterprise-practices">
        <For each={e().practices}>
          {(linked) => (
            <li>
              <span lang="vi">{linked.practice.title}</span>{' '}
              <button type="button" class="button button-secondary button-small" onClick={() => unlinkEnterprisePractice(e().slug, linked.practice.id)}>
                {et('unlink')}
              </button>
            </li>
          )}
        </For>
      </ul>
      <form class="enterprise-link-form" onSubmit={link}>
        <h3>{et('linkPractice')}</h3>
        <p class="muted">{et('notPublished')}</p>
        <div class="field">
          <label for="enterprise-link-practice">{et('practiceId')}</label>
          <input id="enterprise-link-practice" name="practice" class="input" required />
        </div>
        <div class="field">
          <label for="enterprise-link-role">{et('practiceRole')}</label>
          <input id="enterprise-link-role" name="role" class="input" required maxLength={ENTERPRISE_LIMITS.practiceRole} />
        </div>
        <ul class="form-problems" role="alert">
          <For each={problemLines(linkProblem())}>{(line) => <li>{line}</li>}</For>
        </ul>
        <button type="submit" class="button">
          {et('link')}
        </button>
      </form>
    </section>
  );
}
