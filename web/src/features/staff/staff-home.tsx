import { createAsync, Navigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { getViewer } from '../account/account.api.ts';
import { staffSections } from './staff-layout.tsx';

/** /staff: the first section the viewer's role opens (the layout turns others away). */
export default function StaffHome() {
  const viewer = createAsync(() => getViewer());
  return <Show when={viewer() && staffSections(viewer()!.role)[0]}>{(first) => <Navigate href={first().href} />}</Show>;
}
