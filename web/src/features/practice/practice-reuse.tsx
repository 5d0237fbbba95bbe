import './practice-reuse.css';
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { rt } from './practice-reuse-text.ts';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { profileHref } from '../expert/expert.api.ts';
import type { Practice } from './practice-record.api.ts';

/** Whether the authors told anything a reader needs to reuse the practice. */
const hasReuse = (p: Practice) => Boolean(p.level || p.costBand || p.partners.length || p.beneficiaries || p.challengesHtml || p.conditionsHtml || p.contact);

/**
 * The "reuse" block of a practice's page (in the spirit of the OECD OPSI case library): the level
 * of government, the cost, the partners, who benefits, what failed, what replicating it takes and
 * whom to ask. Only what the authors filled in.
 */
export function PracticeReuse(props: { practice: Practice }) {
  return (
    <Show when={hasReuse(props.practice)}>
      <section class="practice-section practice-reuse" aria-labelledby="tai-su-dung">
        <h2 id="tai-su-dung">{rt('heading')}</h2>
        <p class="muted">{rt('intro')}</p>
        <dl class="detail-list reuse-facts">
          <Show when={props.practice.level}>
            {(level) => (
              <div>
                <dt>{rt('levelLabel')}</dt>
                <dd>{rt(`level.${level()}`)}</dd>
              </div>
            )}
          </Show>
          <Show when={props.practice.costBand}>
            {(band) => (
              <div>
                <dt>{rt('costLabel')}</dt>
                <dd>{rt(`cost.${band()}`)}</dd>
              </div>
            )}
          </Show>
          <Show when={props.practice.beneficiaries}>
            <div class="is-wide">
              <dt>{rt('beneficiaries')}</dt>
              <dd lang="vi">{props.practice.beneficiaries}</dd>
            </div>
          </Show>
          <Show when={props.practice.partners.length}>
            <div class="is-wide">
              <dt>{rt('partners')}</dt>
              <dd>
                <ul class="chip-list">
                  <For each={props.practice.partners}>
                    {(partner) => (
                      <li class="chip" lang="vi">
                        {partner}
                      </li>
                    )}
                  </For>
                </ul>
              </dd>
            </div>
          </Show>
          <Show when={props.practice.contact}>
            {(contact) => (
              <div class="is-wide">
                <dt>{rt('contact')}</dt>
                <dd class="author">
                  <ExpertAvatar name={contact().name} handle={contact().handle} url={contact().avatarUrl} size="small" />
                  <span class="author-text">
                    <A href={profileHref(contact().handle)} title={rt('contactAsk')}>
                      {contact().name}
                    </A>
                    <Show when={contact().position}>
                      <span class="author-position" lang="vi">
                        {contact().position}
                        {contact().organization ? `, ${contact().organization!.name}` : ''}
                      </span>
                    </Show>
                  </span>
                </dd>
              </div>
            )}
          </Show>
        </dl>
        <Show when={props.practice.challengesHtml}>
          <h3 id="kho-khan">{rt('challenges')}</h3>
          {/* Sanitised by the server's one renderer. */}
          <div class="prose" lang="vi" innerHTML={props.practice.challengesHtml} />
        </Show>
        <Show when={props.practice.conditionsHtml}>
          <h3 id="dieu-kien">{rt('conditions')}</h3>
          <div class="prose" lang="vi" innerHTML={props.practice.conditionsHtml} />
        </Show>
      </section>
    </Show>
  );
}
