import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localName, t } from '../../i18n/i18n.ts';
import { placeHref } from '../place/place-links.ts';
import { topicHref } from '../topic/topic.api.ts';
import { collectionHref, type CollectionSummary } from './collection.api.ts';

/** A collection's topics and provinces, as links to their pages. */
export function CollectionScope(props: { topics: readonly { slug: string; name: string; nameEn: string }[]; places: readonly { code: string; name: string }[] }) {
  return (
    <Show when={props.topics.length + props.places.length}>
      <ul class="chip-list collection-scope" aria-label={t('practice.topics')}>
        <For each={props.topics}>
          {(topic) => (
            <li>
              <A class="chip chip-link" href={topicHref(topic.slug)}>
                {localName(topic)}
              </A>
            </li>
          )}
        </For>
        <For each={props.places}>
          {(place) => (
            <li>
              <A class="chip chip-link" href={placeHref(place.code)}>
                {place.name}
              </A>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** The introduction's opening paragraph as plain text (the stored HTML is the server's sanitised rendering). */
function firstParagraph(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  return (document.querySelector('p') ?? document.body).textContent?.trim() ?? '';
}

/** A collection in a list (the collections page, the showcase): edition, title, opening, size and scope. */
export function CollectionCard(props: { collection: CollectionSummary; headingLevel: 2 | 3 }) {
  const title = () => <A href={collectionHref(props.collection.slug)}>{props.collection.title}</A>;
  return (
    <li class="collection-card">
      <Show when={props.collection.edition}>
        <p class="collection-edition">{props.collection.edition}</p>
      </Show>
      <Show
        when={props.headingLevel === 2}
        fallback={
          <h3 class="collection-card-title" lang="vi">
            {title()}
          </h3>
        }
      >
        <h2 class="collection-card-title" lang="vi">
          {title()}
        </h2>
      </Show>
      <p class="collection-card-intro" lang="vi">
        {firstParagraph(props.collection.introHtml)}
      </p>
      <p class="collection-count">{t('topicPage.practiceCount', props.collection.items.length)}</p>
      <CollectionScope topics={props.collection.topics} places={props.collection.places} />
    </li>
  );
}
