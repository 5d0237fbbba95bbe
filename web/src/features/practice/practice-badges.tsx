import { Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import type { PracticeStage, PracticeStatus } from './practice-params.ts';

/** The "Tiêu biểu" mark of a practice the curators chose to feature. */
export function FeaturedMark(props: { featured: boolean }) {
  return (
    <Show when={props.featured}>
      <span class="featured-mark" title={t('practice.featuredTitle')}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="m8 1.4 2 4.2 4.6.6-3.4 3.2.9 4.5L8 11.7l-4.1 2.2.9-4.5L1.4 6.2 6 5.6Z" fill="currentColor" />
        </svg>
        {t('practice.featured')}
      </span>
    </Show>
  );
}

/** How far a practice has come, with its year when known: "Đang vận hành · 2024". */
export function StageYear(props: { stage: PracticeStage | null | undefined; year: number | null | undefined }) {
  const stage = () => (props.stage ? t(`practice.stage.${props.stage}`) : undefined);
  return (
    <Show when={stage() || props.year}>
      <span class="stage-year" data-stage={props.stage?.toLowerCase()}>
        <span class="stage-dot" aria-hidden="true" />
        {stage() && props.year ? t('practice.stageYear', stage()!, props.year) : (stage() ?? String(props.year))}
      </span>
    </Show>
  );
}

/** Where a practice is in its life: draft, awaiting review, published, returned. */
export function StatusChip(props: { status: PracticeStatus }) {
  return (
    <span class="status-chip" data-status={props.status.toLowerCase()}>
      {t(`practice.status.${props.status}`)}
    </span>
  );
}
