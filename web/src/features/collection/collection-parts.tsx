import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localName, t } from '../../i18n/i18n.ts';
import { placeHref } from '../place/place-links.ts';
import { topicHref } from '../topic/topic.api.ts';

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
