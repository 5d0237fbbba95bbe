import './enterprises.css';
import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { locale } from '../../i18n/i18n.ts';
import { profileHref } from '../expert/expert-links.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { placeHref } from '../place/place-links.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { EnterpriseEditor } from './enterprise-editor.tsx';
import { type EnterpriseProfileData, getEnterprise } from './enterprise.api.ts';
import { et } from './enterprise-text.ts';

/** /enterprises/:slug: what an enterprise masters, the pilot provinces it accompanies, the practices it took part in. Public. */
export default function EnterprisePage() {
  const params = useParams();
  const loaded = createAsync(() => getEnterprise(params.slug!));
  return (
    <div class="enterprise-page">
      <WorkingGroupNav />
      <p>
        <A href="/enterprises">← {et('back')}</A>
      </p>
      <Suspense fallback={<PageLoading />}>
        <SectionError>
          <Show when={loaded() !== undefined}>
            <Show when={loaded()?.enterprise} fallback={<StateMessage title={et('notFound')} headingLevel={1} />}>
              {(enterprise) => <Profile enterprise={enterprise()} places={loaded()!.places} />}
            </Show>
          </Show>
        </SectionError>
      </Suspense>
    </div>
  );
}

type Enterprise = EnterpriseProfileData['enterprise'];

function Profile(props: { enterprise: Enterprise; places: EnterpriseProfileData['places'] }) {
  const e = () => props.enterprise;
  const english = () => locale() === 'en';
  return (
    <article class="enterprise-profile">
      <DocumentTitle text={e().organization.shortName ?? e().name} />
      <header class="page-header">
        <h1 id="page-title">{e().organization.shortName ?? e().name}</h1>
        <p class="lead" lang="vi">
          {e().name}
        </p>
        <Show when={e().allianceMember && e().allianceSince}>{(year) => <p class="alliance-badge">{et('alliance', year())}</p>}</Show>
      </header>
      <Show when={english() && e().descriptionEn ? e().descriptionEn : e().description}>
        {(text) => (
          <p class="enterprise-description" lang={english() && e().descriptionEn ? 'en' : 'vi'}>
            {text()}
          </p>
        )}
      </Show>
      <section aria-labelledby="enterprise-capabilities">
        <h2 id="enterprise-capabilities">{et('capabilities')}</h2>
        <ul class="chip-list">
          <For each={e().capabilities}>{(capability) => <li class="chip">{et(`capability.${capability}`)}</li>}</For>
        </ul>
      </section>
      <section aria-labelledby="enterprise-pilots">
        <h2 id="enterprise-pilots">{et('pilots')}</h2>
        <Show when={e().pilots.length} fallback={<p class="muted">{et('noPilots')}</p>}>
          <ul class="enterprise-pilots">
            <For each={e().pilots}>
              {(pilot) => (
                <li>
                  <A href={placeHref(pilot.place.code)}>{pilot.place.name}</A>: <span lang={english() && pilot.roleEn ? 'en' : 'vi'}>{english() && pilot.roleEn ? pilot.roleEn : pilot.role}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <section aria-labelledby="enterprise-practices">
        <h2 id="enterprise-practices">{et('practices')}</h2>
        <Show when={e().practices.length} fallback={<p class="muted">{et('noPractices')}</p>}>
          <ul class="enterprise-practices">
            <For each={e().practices}>
              {(link) => (
                <li>
                  <A href={practiceHref(link.practice.id)} lang="vi">
                    {link.practice.title}
                  </A>{' '}
                  <span class="muted" lang="vi">
                    ({link.role})
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <dl class="detail-list">
        <Show when={e().website}>
          {(website) => (
            <div>
              <dt>{et('website')}</dt>
              <dd>
                <a href={website()} rel="noopener noreferrer external">
                  {website()}
                </a>
              </dd>
            </div>
          )}
        </Show>
        <Show when={e().contact}>
          {(contact) => (
            <div>
              <dt>{et('contact')}</dt>
              <dd>
                <A href={profileHref(contact().handle)}>{contact().name}</A>
                <Show when={contact().position}> · {contact().position}</Show>
              </dd>
            </div>
          )}
        </Show>
      </dl>
      <Show when={e().viewerCanEdit}>
        <EnterpriseEditor enterprise={e()} places={props.places} />
      </Show>
    </article>
  );
}
