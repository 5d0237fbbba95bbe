import { createSignal, Show } from 'solid-js';

/** Calm tones that all keep white initials above 4.5:1 contrast. */
const tones = ['#0b4f8a', '#1d6150', '#6e3a83', '#7f4510', '#24586f', '#55477f'];

function toneOf(key: string) {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return tones[hash % tones.length];
}

/** Vietnamese names end with the given name, which is also what people are called by. */
const initialOf = (name: string) => (name.trim().split(/\s+/).at(-1)?.[0] ?? '?').toLocaleUpperCase('vi');

/**
 * The initial of the person's given name on a tone derived from their handle, covered by their
 * picture once it has loaded (and left alone if it cannot be). Decorative: the name is always
 * written beside it.
 */
export function ExpertAvatar(props: { name: string; handle: string; url?: string | null | undefined; size?: 'small' | 'medium' | 'large' }) {
  const [failed, setFailed] = createSignal<string>();
  return (
    <span class="avatar" classList={{ 'avatar-large': props.size === 'large', 'avatar-small': props.size === 'small' }} style={{ 'background-color': toneOf(props.handle) }} aria-hidden="true">
      {initialOf(props.name)}
      <Show when={props.url && props.url !== failed() ? props.url : undefined}>
        {(url) => <img src={url()} alt="" width="256" height="256" loading="lazy" decoding="async" onError={() => setFailed(url())} />}
      </Show>
    </span>
  );
}
