import { useAction } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { FormAlert, SubmitButton } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { errorFor, problemOf, useFormSubmission, type FormProblem } from '../../lib/form.ts';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { removeAvatarAction, setAvatarAction } from './avatar.api.ts';
import { base64Of, squareImage } from './square-image.ts';

interface Preview {
  blob: Blob;
  url: string;
}

/**
 * The profile picture: choose a file, see it as it will be (square, 256 × 256), then save it;
 * or remove the current one. The picture is scaled in the browser, so a phone photo of several
 * megabytes goes out as a few kilobytes.
 */
export function AvatarEditor(props: { name: string; handle: string; avatarUrl: string | null | undefined }) {
  const [preview, setPreview] = createSignal<Preview>();
  const [processing, setProcessing] = createSignal(false);
  const [localProblem, setLocalProblem] = createSignal<FormProblem>();
  const saving = useFormSubmission(setAvatarAction);
  const removing = useFormSubmission(removeAvatarAction);
  const save = useAction(setAvatarAction);
  let fileInput: HTMLInputElement | undefined;

  const dropPreview = () => {
    const current = preview();
    if (current) URL.revokeObjectURL(current.url);
    setPreview(undefined);
  };
  onCleanup(dropPreview);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    saving.clear?.();
    removing.clear?.();
    setLocalProblem(undefined);
    setProcessing(true);
    try {
      const blob = await squareImage(file);
      dropPreview();
      setPreview({ blob, url: URL.createObjectURL(blob) });
    } catch {
      setLocalProblem({ fields: { image: 'INVALID' } });
    } finally {
      setProcessing(false);
      if (fileInput) fileInput.value = '';
    }
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const current = preview();
    if (!current) return;
    const outcome = await save(await base64Of(current.blob));
    if (outcome?.ok) dropPreview();
  };

  const problem = () => localProblem() ?? problemOf(saving.result ?? removing.result);
  const imageError = () => (localProblem() ? t('avatar.unreadable') : errorFor(problem(), 'image'));
  const success = () => (saving.result?.ok ? t('avatar.saved') : removing.result?.ok ? t('avatar.removed') : undefined);
  const formProblem = () => {
    const current = problem();
    // A problem with the image itself shows beside the picture, not twice.
    return current && !current.fields.image ? current : undefined;
  };

  return (
    <section class="card" aria-labelledby="avatar-heading">
      <h2 id="avatar-heading" class="card-title">
        {t('avatar.heading')}
      </h2>
      <p class="card-intro">{t('avatar.intro')}</p>
      <FormAlert problem={formProblem()} success={preview() ? undefined : success()} />
      <div class="avatar-editor">
        <figure class="avatar-figure">
          <Show when={preview()} fallback={<ExpertAvatar name={props.name} handle={props.handle} url={props.avatarUrl} size="large" />}>
            {(shown) => (
              <span class="avatar avatar-large is-preview">
                <img src={shown().url} alt={t('avatar.preview')} width="256" height="256" />
              </span>
            )}
          </Show>
          <figcaption class="visually-hidden">{preview() ? t('avatar.preview') : t('avatar.current')}</figcaption>
        </figure>
        <div class="avatar-actions">
          <Show when={!props.avatarUrl && !preview()}>
            <p class="muted">{t('avatar.none')}</p>
          </Show>
          <Show when={processing()}>
            <p role="status" class="muted">
              {t('avatar.processing')}
            </p>
          </Show>
          <Show when={imageError()}>
            {(message) => (
              <p id="avatar-error" class="field-error" role="alert">
                {message()}
              </p>
            )}
          </Show>
          <Show
            when={preview()}
            fallback={
              <div class="button-row">
                <label class="button button-secondary file-button">
                  <input
                    ref={fileInput}
                    type="file"
                    accept="image/png,image/jpeg,image/webp"
                    class="visually-hidden"
                    aria-describedby={imageError() ? 'avatar-error' : undefined}
                    onChange={(event) => void choose(event.currentTarget.files?.[0])}
                  />
                  {props.avatarUrl ? t('avatar.change') : t('avatar.choose')}
                </label>
                <Show when={props.avatarUrl}>
                  <form action={removeAvatarAction} method="post">
                    <SubmitButton pending={removing.pending ?? false} label={t('avatar.remove')} class="button button-quiet" />
                  </form>
                </Show>
              </div>
            }
          >
            <form class="button-row" onSubmit={(event) => void submit(event)}>
              <SubmitButton pending={saving.pending ?? false} label={t('avatar.save')} />
              <button type="button" class="button button-secondary" onClick={dropPreview}>
                {t('avatar.cancel')}
              </button>
            </form>
          </Show>
        </div>
      </div>
    </section>
  );
}
