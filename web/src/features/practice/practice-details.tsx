import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDate, localName, t } from '../../i18n/i18n.ts';
import { listAddress } from '../../lib/list-params.ts';
import { MergedOrganizationHint, MergedPlaceHint } from '../expert/affiliation.tsx';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { profileHref } from '../expert/expert.api.ts';
import { placeHref } from '../place/place.api.ts';
import { topicHref } from '../topic/topic.api.ts';
import type { Practice } from './practice-record.api.ts';

/** A practice's record card beside its text: where, what stage, which topics, who, which version. Each links to more like it. */
export function PracticeDetails(props: { practice: Practice }) {
  return (
    <aside class="practice-aside" aria-labelledby="practice-details">
      <h2 id="practice-details" class="practice-aside-title">
        {t('practicePage.details')}
      </h2>
      <dl class="detail-list">
        <Show when={props.practice.organization}>
          {(organization) => (
            <div class="is-wide">
              <dt>{t('practice.organization')}</dt>
              <dd>
                <A href={listAddress('/practices', { org: organization().slug })} title={t('practicePage.seeAllIn', organization().name)} lang="vi">
                  {organization().name}
                </A>{' '}
                <MergedOrganizationHint organization={organization()} />
              </dd>
            </div>
          )}
        </Show>
        <Show when={props.practice.place}>
          {(place) => (
            <div class="is-wide">
              <dt>{t('practice.place')}</dt>
              <dd>
                <A href={placeHref(place().code)} title={t('practicePage.seeAllIn', place().name)}>
                  {place().name}
                </A>{' '}
                <MergedPlaceHint place={place()} />
              </dd>
            </div>
          )}
        </Show>
        <Show when={props.practice.stage}>
          {(stage) => (
            <div>
              <dt>{t('practice.stageLabel')}</dt>
              <dd>{t(`practice.stage.${stage()}`)}</dd>
            </div>
          )}
        </Show>
        <Show when={props.practice.year}>
          {(year) => (
            <div>
              <dt>{t('practice.year')}</dt>
              <dd>{year()}</dd>
            </div>
          )}
        </Show>
        <Show when={props.practice.topics.length}>
          <div class="is-wide">
            <dt>{t('practice.topics')}</dt>
            <dd>
              <ul class="chip-list">
                <For each={props.practice.topics}>
                  {(topic) => (
                    <li>
                      <A class="chip chip-link" href={topicHref(topic.slug)} title={t('practicePage.seeMore', localName(topic))}>
                        {localName(topic)}
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </dd>
          </div>
        </Show>
        <div class="is-wide">
          <dt>{t('practicePage.authors')}</dt>
          <dd>
            <ul class="author-list">
              <For each={props.practice.authors}>
                {(author) => (
                  <li class="author">
                    <ExpertAvatar name={author.name} handle={author.handle} url={author.avatarUrl} size="small" />
                    <span class="author-text">
                      <A href={profileHref(author.handle)}>{author.name}</A>
                      <Show when={author.position}>
                        <span class="author-position" lang="vi">
                          {author.position}
                        </span>
                      </Show>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </dd>
        </div>
        <Show when={props.practice.publishedAt}>
          {(publishedAt) => (
            <div>
              <dt>{t('practicePage.published')}</dt>
              <dd>
                <time datetime={publishedAt()}>{formatDate(publishedAt())}</time>
              </dd>
            </div>
          )}
        </Show>
        <Show when={props.practice.version > 0}>
          <div>
            <dt>{t('practicePage.version')}</dt>
            <dd>
              {props.practice.version}
              <Show when={props.practice.version > 1}>
                {' · '}
                <span class="muted">
                  {t('practicePage.updated')} <time datetime={props.practice.updatedAt}>{formatDate(props.practice.updatedAt)}</time>
                </span>
              </Show>
            </dd>
          </div>
        </Show>
      </dl>
    </aside>
  );
}
