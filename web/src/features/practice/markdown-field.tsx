import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { createMentionAutocomplete } from '../discussion/mention-autocomplete.tsx';
import { previewMarkdown } from './practice-record.api.ts';

/** How long typing may pause before the preview is made again. */
const PREVIEW_DELAY_MS = 450;

/** Wide windows show the text and its preview side by side; narrower ones, one at a time. */
const SIDE_BY_SIDE = '(min-width: 1100px)';

function createMediaQuery(query: string) {
  const list = window.matchMedia(query);
  const [matches, setMatches] = createSignal(list.matches);
  const update = () => setMatches(list.matches);
  list.addEventListener('change', update);
  onCleanup(() => list.removeEventListener('change', update));
  return matches;
}

/**
 * A markdown text with a live preview made by the server's one renderer, so the preview is
 * exactly what will be published. Side by side on wide screens; "Write" and "Preview" tabs
 * on narrower ones.
 */
export function MarkdownField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  optional?: boolean;
  rows?: number;
  maxLength: number;
  /** The id of a hint on the markdown syntax, shared by several fields. */
  formatHintId?: string;
  /** Suggest members' handles after an "@" (a thread's body). */
  mentions?: boolean;
}) {
  let textarea: HTMLTextAreaElement | undefined;
  const mentions = createMentionAutocomplete({ id: props.id, textarea: () => textarea, setValue: (value) => props.onInput(value) });
  const wide = createMediaQuery(SIDE_BY_SIDE);
  const [tab, setTab] = createSignal<'write' | 'preview'>('write');
  const previewShown = () => wide() || tab() === 'preview';

  const [html, setHtml] = createSignal('');
  const [previewState, setPreviewState] = createSignal<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  let previewed: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const makePreview = async (text: string) => {
    controller?.abort();
    if (!text.trim()) {
      previewed = text;
      setHtml('');
      setPreviewState('idle');
      return;
    }
    const mine = (controller = new AbortController());
    setPreviewState((state) => (state === 'ready' ? 'ready' : 'loading'));
    try {
      const result = await previewMarkdown(text, mine.signal);
      if (mine.signal.aborted) return;
      previewed = text;
      setHtml(result);
      setPreviewState('ready');
    } catch (error) {
      if ((error as Error)?.name === 'AbortError' || mine.signal.aborted) return;
      setPreviewState('failed');
    }
  };

  // While the preview is in sight it follows the text, once typing pauses.
  createEffect(
    on([() => props.value, previewShown], ([value, shown]) => {
      clearTimeout(timer);
      if (!shown || value === previewed) return;
      // Opening the preview makes it at once; typing beside it waits for a pause.
      timer = setTimeout(() => void makePreview(value), previewed === undefined ? 0 : PREVIEW_DELAY_MS);
    }),
  );
  onCleanup(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  const describedBy = () => [props.hint ? `${props.id}-hint` : '', props.formatHintId ?? '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const selectTab = (next: 'write' | 'preview', focus = false) => {
    setTab(next);
    if (focus) document.getElementById(`${props.id}-tab-${next}`)?.focus();
  };

  return (
    <div class="field markdown-field" classList={{ 'has-error': Boolean(props.error), 'is-side-by-side': wide() }}>
      <div class="markdown-field-head">
        <label for={props.id} id={`${props.id}-label`}>
          {props.label}
          <Show when={props.optional}>
            {' '}
            <span class="field-optional">{t('form.optional')}</span>
          </Show>
        </label>
        <Show when={!wide()}>
          <div class="markdown-tabs" role="tablist" aria-labelledby={`${props.id}-label`}>
            <button
              type="button"
              role="tab"
              id={`${props.id}-tab-write`}
              aria-selected={tab() === 'write'}
              aria-controls={`${props.id}-write`}
              tabindex={tab() === 'write' ? 0 : -1}
              onClick={() => selectTab('write')}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') selectTab('preview', true);
              }}
            >
              {t('practiceEditor.write')}
            </button>
            <button
              type="button"
              role="tab"
              id={`${props.id}-tab-preview`}
              aria-selected={tab() === 'preview'}
              aria-controls={`${props.id}-preview`}
              tabindex={tab() === 'preview' ? 0 : -1}
              onClick={() => selectTab('preview')}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') selectTab('write', true);
              }}
            >
              {t('practiceEditor.preview')}
            </button>
          </div>
        </Show>
      </div>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <div class="markdown-panes">
        {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label is set only with the tabpanel role */}
        <div class="markdown-pane" id={`${props.id}-write`} role={wide() ? undefined : 'tabpanel'} aria-labelledby={wide() ? undefined : `${props.id}-tab-write`} hidden={!wide() && tab() !== 'write'}>
          <textarea
            ref={textarea}
            id={props.id}
            {...(props.mentions ? { ...mentions.attributes(), onKeyDown: mentions.onKeyDown, onBlur: mentions.onBlur } : {})}
            rows={props.rows ?? 8}
            lang="vi"
            value={props.value}
            aria-describedby={describedBy()}
            aria-invalid={props.error ? 'true' : undefined}
            onInput={(event) => {
              props.onInput(event.currentTarget.value);
              if (props.mentions) mentions.onInput();
            }}
          />
          <Show when={props.mentions}>
            <mentions.Suggestions />
          </Show>
        </div>
        {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label is set only with the tabpanel role */}
        <div
          class="markdown-pane markdown-preview"
          id={`${props.id}-preview`}
          role={wide() ? 'region' : 'tabpanel'}
          aria-label={wide() ? t('practiceEditor.previewOf', props.label) : undefined}
          aria-labelledby={wide() ? undefined : `${props.id}-tab-preview`}
          tabindex={wide() ? undefined : 0}
          hidden={!previewShown()}
          aria-busy={previewState() === 'loading'}
        >
          <Show when={wide()}>
            <p class="markdown-preview-label" aria-hidden="true">
              {t('practiceEditor.preview')}
            </p>
          </Show>
          <Show when={props.value.trim()} fallback={<p class="muted">{t('practiceEditor.previewEmpty')}</p>}>
            <Show when={previewState() === 'failed'}>
              <p class="field-hint">{t('practiceEditor.previewFailed')}</p>
            </Show>
            <Show when={previewState() === 'loading' && !html()}>
              <p class="muted">{t('practiceEditor.previewLoading')}</p>
            </Show>
            {/* Sanitised by the server's one renderer, as on the practice's page. */}
            <div class="prose" lang="vi" innerHTML={html()} />
          </Show>
        </div>
      </div>
      <p class="field-count" aria-hidden="true" classList={{ 'is-over': props.value.length > props.maxLength }}>
        {t('form.characters', props.value.length, props.maxLength)}
      </p>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          <svg class="form-alert-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" stroke-width="1.5" />
            <path d="M8 4.5v4.2" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
            <circle cx="8" cy="11.2" r="1" fill="currentColor" />
          </svg>
          <span>{props.error}</span>
        </p>
      </Show>
    </div>
  );
}
