/** A group's work board: its tasks by status and its proposals (filled in by the tasks feature). */
export function GroupBoard(props: { group: string; viewerRole: 'LEAD' | 'MEMBER' | null }) {
  return <section class="group-board" data-group={props.group} data-viewer-role={props.viewerRole ?? ''} />;
}
