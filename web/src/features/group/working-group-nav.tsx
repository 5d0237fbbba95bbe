import { SectionNav } from '../../components/section-nav.tsx';
import { gt } from './group-text.ts';

/**
 * The working group's own tools, each at its own address: every page of them shows this row at
 * its top, so one can go from the groups to the help desk, the criteria reports or the enterprises.
 */
export function WorkingGroupNav() {
  return (
    <SectionNav
      tabs
      label={gt('sections')}
      links={[
        { href: '/groups', label: gt('groupsTab') },
        { href: '/helpdesk', label: gt('helpdeskTab') },
        { href: '/programme', label: gt('programmeTab') },
        { href: '/enterprises', label: gt('enterprisesTab') },
      ]}
    />
  );
}
