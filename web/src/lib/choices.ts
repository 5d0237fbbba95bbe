import { createAsync } from '@solidjs/router';
import { createSignal, type Accessor } from 'solid-js';

/**
 * The choices of a form field (places, organisations, topics), and whether they failed to load.
 * A failed list is empty, so the field must then keep its current value by itself and say that
 * the choices are missing (`outage.choicesFailed`): a form whose choices vanished must not erase,
 * when saved, what the person had chosen. `failed` is a plain signal, so the field's hint can
 * read it without waiting for the list.
 */
export function createChoices<T>(load: () => Promise<readonly T[]>): { items: Accessor<readonly T[] | undefined>; failed: Accessor<boolean> } {
  const [failed, setFailed] = createSignal(false);
  const items = createAsync(() =>
    load().then(
      (list) => {
        setFailed(false);
        return list;
      },
      () => {
        setFailed(true);
        return [] as readonly T[];
      },
    ),
  );
  return { items, failed };
}
