import { featureTranslator } from '../../i18n/i18n.ts';

/*
 * The working group's pages (groups, help desk, reports, enterprises), in both languages. Beside
 * the feature rather than in i18n/vi.ts (every visitor's first load). en is typed as vi, so a
 * missing or extra key fails tsc.
 */

const vi = {
  workingGroup: 'Tổ công tác',
  sections: 'Các phần của Tổ công tác',
  groupsTab: 'Các nhóm',
  helpdeskTab: 'Trung tâm giải đáp',
  programmeTab: 'Báo cáo tiêu chí',
  enterprisesTab: 'Doanh nghiệp đồng hành',
};

const en: typeof vi = {
  workingGroup: 'Working group',
  sections: 'Parts of the working group',
  groupsTab: 'Groups',
  helpdeskTab: 'Help desk',
  programmeTab: 'Criteria reports',
  enterprisesTab: 'Partner enterprises',
};

export const gt = featureTranslator({ vi, en });
