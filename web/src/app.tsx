import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { AppShell } from './components/app-shell.tsx';
import { getViewer } from './features/account/account.api.ts';
import { preloadHome } from './features/home/home.api.ts';
import { preloadTopicPage, preloadTopicsBrowse } from './features/topic/topic.api.ts';
import { lazyPage } from './lib/lazy-page.ts';
import { lazyPreload } from './lib/lazy-preload.ts';
import { prefetch } from './lib/prefetch.ts';

// Each page is its own chunk. The data of home and the topic pages starts with the app (their API
// is in the first load: home lists the topics); other routes' preloads come with their feature's
// API chunk (lib/lazy-preload.ts), so the first load carries no other page's queries.
const ExpertDirectory = lazyPage(() => import('./features/expert/expert-directory.tsx'));
const ExpertProfile = lazyPage(() => import('./features/expert/expert-profile.tsx'));
const PracticeListPage = lazyPage(() => import('./features/practice/practice-list-page.tsx'));
const PracticePage = lazyPage(() => import('./features/practice/practice-page.tsx'));
const ThreadListPage = lazyPage(() => import('./features/discussion/thread-list-page.tsx'));
const NewThreadPage = lazyPage(() => import('./features/discussion/new-thread-page.tsx'));
const ThreadPage = lazyPage(() => import('./features/discussion/thread-page.tsx'));
const PracticeEditorPage = lazyPage(() => import('./features/practice/practice-editor-page.tsx'));
const MyPracticesPage = lazyPage(() => import('./features/practice/my-practices-page.tsx'));
const SignInPage = lazyPage(() => import('./features/account/sign-in-page.tsx'));
const SignUpPage = lazyPage(() => import('./features/account/sign-up-page.tsx'));
const ForgotPasswordPage = lazyPage(() => import('./features/account/forgot-password-page.tsx'));
const ResetPasswordPage = lazyPage(() => import('./features/account/reset-password-page.tsx'));
const VerifyEmailPage = lazyPage(() => import('./features/account/verify-email-page.tsx'));
const SettingsLayout = lazyPage(() => import('./features/settings/settings-layout.tsx'));
const ProfileSettingsPage = lazyPage(() => import('./features/settings/profile-settings-page.tsx'));
const SecuritySettingsPage = lazyPage(() => import('./features/settings/security-settings-page.tsx'));
const VerificationSettingsPage = lazyPage(() => import('./features/settings/verification-settings-page.tsx'));
const StaffLayout = lazyPage(() => import('./features/staff/staff-layout.tsx'));
const StaffHome = lazyPage(() => import('./features/staff/staff-home.tsx'));
const StaffVerificationPage = lazyPage(() => import('./features/staff/verification-page.tsx'));
const StaffPeoplePage = lazyPage(() => import('./features/staff/people-page.tsx'));
const StaffPracticeReviewPage = lazyPage(() => import('./features/staff/practice-review-page.tsx'));
const StaffAuditPage = lazyPage(() => import('./features/staff/audit-page.tsx'));
const StaffFlagsPage = lazyPage(() => import('./features/staff/flags-page.tsx'));
const StaffCollectionsPage = lazyPage(() => import('./features/collection/collection-admin-page.tsx'));
const StaffCollectionEditor = lazyPage(() => import('./features/collection/collection-editor-page.tsx'));
const SearchPage = lazyPage(() => import('./features/search/search-page.tsx'));
const FollowingPage = lazyPage(() => import('./features/follow/following-page.tsx'));
const BookmarksPage = lazyPage(() => import('./features/bookmark/bookmarks-page.tsx'));
const MessagesPage = lazyPage(() => import('./features/message/messages-page.tsx'));
const NewConversationPage = lazyPage(() => import('./features/message/new-conversation-page.tsx'));
const ConversationPage = lazyPage(() => import('./features/message/conversation-page.tsx'));
const BlockedPage = lazyPage(() => import('./features/message/blocked-page.tsx'));
const NotificationsPage = lazyPage(() => import('./features/notification/notifications-page.tsx'));
const NotificationSettingsPage = lazyPage(() => import('./features/notification/notification-settings-page.tsx'));
const WelcomePage = lazyPage(() => import('./features/onboarding/welcome-page.tsx'));
const DigestUnsubscribePage = lazyPage(() => import('./features/onboarding/digest-unsubscribe-page.tsx'));
const EnterpriseDirectory = lazyPage(() => import('./features/enterprise/enterprise-directory.tsx'));
const EnterprisePage = lazyPage(() => import('./features/enterprise/enterprise-page.tsx'));
const NotFoundPage = lazyPage(() => import('./components/not-found-page.tsx'));
// The home page's words are the first load's own (i18n/vi.ts): it waits for no others.
const HomePage = lazy(() => import('./features/home/home-page.tsx'));
const TopicsPage = lazyPage(() => import('./features/topic/topics-page.tsx'));
const TopicPage = lazyPage(() => import('./features/topic/topic-page.tsx'));
const PlacesPage = lazyPage(() => import('./features/place/places-page.tsx'));
const PlacePage = lazyPage(() => import('./features/place/place-page.tsx'));
const CollectionsPage = lazyPage(() => import('./features/collection/collections-page.tsx'));
const CollectionPage = lazyPage(() => import('./features/collection/collection-page.tsx'));
const ShowcasePage = lazyPage(() => import('./features/showcase/showcase-page.tsx'));
const TaskPage = lazyPage(() => import('./features/task/task-page.tsx'));
const OverdueTasksPage = lazyPage(() => import('./features/task/overdue-page.tsx'));
const GroupsPage = lazyPage(() => import('./features/group/groups-page.tsx'));
const GroupPage = lazyPage(() => import('./features/group/group-page.tsx'));
const HelpdeskPage = lazyPage(() => import('./features/helpdesk/helpdesk-page.tsx'));
const HelpdeskFaqPage = lazyPage(() => import('./features/helpdesk/faq-page.tsx'));
const HelpdeskSettingsPage = lazyPage(() => import('./features/helpdesk/settings-page.tsx'));
const ProgrammePage = lazyPage(() => import('./features/programme/programme-page.tsx'));
const ProgrammeCriterionPage = lazyPage(() => import('./features/programme/criterion-page.tsx'));
const ProgrammeOrganizationPage = lazyPage(() => import('./features/programme/organization-page.tsx'));
const ProgrammeReportPage = lazyPage(() => import('./features/programme/report-page.tsx'));
const ProgrammeAdminPage = lazyPage(() => import('./features/programme/admin-page.tsx'));

const preloadViewer = () => prefetch(getViewer());

const bookmarkApi = () => import('./features/bookmark/bookmark.api.ts');
const notificationApi = () => import('./features/notification/notification.api.ts');
const followApi = () => import('./features/follow/follow.api.ts');
const placeApi = () => import('./features/place/place.api.ts');
const expertApi = () => import('./features/expert/expert.api.ts');
const searchApi = () => import('./features/search/search.api.ts');
const collectionApi = () => import('./features/collection/collection.api.ts');
const showcaseApi = () => import('./features/showcase/showcase.api.ts');
const practiceApi = () => import('./features/practice/practice.api.ts');
const discussionApi = () => import('./features/discussion/discussion.api.ts');
const settingsPreload = () => import('./features/settings/settings-preload.ts');
const staffPreload = () => import('./features/staff/staff-preload.ts');

const preloadBookmarks = lazyPreload(bookmarkApi, (m) => m.preloadBookmarks);
const preloadNotifications = lazyPreload(notificationApi, (m) => m.preloadNotifications);
const preloadNotificationSettings = lazyPreload(notificationApi, (m) => m.preloadNotificationPreferences);
const preloadFollowing = lazyPreload(followApi, (m) => m.preloadFollowing);
const preloadPlacesBrowse = lazyPreload(placeApi, (m) => m.preloadPlacesBrowse);
const preloadPlacePage = lazyPreload(placeApi, (m) => m.preloadPlacePage);
const preloadDirectory = lazyPreload(expertApi, (m) => m.preloadDirectory);
const preloadProfile = lazyPreload(expertApi, (m) => m.preloadProfile);
const preloadSearch = lazyPreload(searchApi, (m) => m.preloadSearch);
const preloadCollections = lazyPreload(collectionApi, (m) => m.preloadCollections);
const preloadCollection = lazyPreload(collectionApi, (m) => m.preloadCollection);
const preloadShowcase = lazyPreload(showcaseApi, (m) => m.preloadShowcase);
const preloadPractices = lazyPreload(practiceApi, (m) => m.preloadPractices);
const preloadMyPractices = lazyPreload(practiceApi, (m) => m.preloadMyPractices);
const preloadPracticeEditor = lazyPreload(practiceApi, (m) => m.preloadPracticeEditor);
const preloadPractice = lazyPreload(practiceApi, (m) => m.preloadPractice);
const preloadThreads = lazyPreload(discussionApi, (m) => m.preloadThreads);
const preloadNewThread = lazyPreload(discussionApi, (m) => m.preloadNewThread);
const preloadThread = lazyPreload(discussionApi, (m) => m.preloadThread);
const preloadSettings = lazyPreload(settingsPreload, (m) => m.preloadSettings);
const preloadProfileSettings = lazyPreload(settingsPreload, (m) => m.preloadProfileSettings);
const preloadSecuritySettings = lazyPreload(settingsPreload, (m) => m.preloadSecuritySettings);
const preloadVerificationSettings = lazyPreload(settingsPreload, (m) => m.preloadVerificationSettings);
const preloadStaff = lazyPreload(staffPreload, (m) => m.preloadStaff);
const preloadStaffVerification = lazyPreload(staffPreload, (m) => m.preloadStaffVerification);
const preloadStaffPractices = lazyPreload(staffPreload, (m) => m.preloadStaffPractices);
const preloadStaffPeople = lazyPreload(staffPreload, (m) => m.preloadStaffPeople);
const preloadStaffAudit = lazyPreload(staffPreload, (m) => m.preloadStaffAudit);

export function App() {
  return (
    <Router root={AppShell}>
      <Route path="/" component={HomePage} preload={preloadHome} />
      <Route path="/topics" component={TopicsPage} preload={preloadTopicsBrowse} />
      <Route path="/topics/:slug" component={TopicPage} preload={preloadTopicPage} />
      <Route path="/places" component={PlacesPage} preload={preloadPlacesBrowse} />
      <Route path="/places/:code" component={PlacePage} preload={preloadPlacePage} />
      <Route path="/showcase" component={ShowcasePage} preload={preloadShowcase} />
      <Route path="/tasks/overdue" component={OverdueTasksPage} />
      <Route path="/tasks/:id" component={TaskPage} />
      <Route path="/groups" component={GroupsPage} />
      <Route path="/groups/:slug" component={GroupPage} />
      <Route path="/helpdesk" component={HelpdeskPage} />
      <Route path="/helpdesk/faq" component={HelpdeskFaqPage} />
      <Route path="/helpdesk/settings" component={HelpdeskSettingsPage} />
      <Route path="/programme" component={ProgrammePage} />
      <Route path="/programme/criteria/:code" component={ProgrammeCriterionPage} />
      <Route path="/programme/organizations/:slug" component={ProgrammeOrganizationPage} />
      <Route path="/programme/report" component={ProgrammeReportPage} />
      <Route path="/programme/admin" component={ProgrammeAdminPage} />
      <Route path="/enterprises" component={EnterpriseDirectory} />
      <Route path="/enterprises/:slug" component={EnterprisePage} />
      <Route path="/collections" component={CollectionsPage} preload={preloadCollections} />
      <Route path="/collections/:slug" component={CollectionPage} preload={preloadCollection} />
      <Route path="/practices" component={PracticeListPage} preload={preloadPractices} />
      <Route path="/practices/mine" component={MyPracticesPage} preload={preloadMyPractices} />
      {/* One route for both, so a new draft moving to its own address keeps its editor. */}
      <Route path={['/practices/new', '/practices/:id/edit']} component={PracticeEditorPage} preload={preloadPracticeEditor} />
      <Route path="/practices/:id" component={PracticePage} preload={preloadPractice} />
      <Route path="/threads" component={ThreadListPage} preload={preloadThreads} />
      <Route path="/threads/new" component={NewThreadPage} preload={preloadNewThread} />
      <Route path="/threads/:id" component={ThreadPage} preload={preloadThread} />
      <Route path="/search" component={SearchPage} preload={preloadSearch} />
      <Route path="/experts" component={ExpertDirectory} preload={preloadDirectory} />
      <Route path="/experts/:handle" component={ExpertProfile} preload={preloadProfile} />
      <Route path="/following" component={FollowingPage} preload={preloadFollowing} />
      <Route path="/welcome" component={WelcomePage} preload={preloadViewer} />
      <Route path="/digest/unsubscribe" component={DigestUnsubscribePage} />
      <Route path="/bookmarks" component={BookmarksPage} preload={preloadBookmarks} />
      <Route path="/messages" component={MessagesPage} />
      <Route path="/messages/new" component={NewConversationPage} />
      <Route path="/messages/:id" component={ConversationPage} />
      <Route path="/notifications" component={NotificationsPage} preload={preloadNotifications} />
      <Route path="/sign-in" component={SignInPage} preload={preloadViewer} />
      <Route path="/sign-up" component={SignUpPage} preload={preloadViewer} />
      <Route path="/forgot-password" component={ForgotPasswordPage} />
      <Route path="/reset-password" component={ResetPasswordPage} />
      <Route path="/verify-email" component={VerifyEmailPage} />
      <Route path="/settings" component={SettingsLayout} preload={preloadSettings}>
        <Route path="/" component={ProfileSettingsPage} preload={preloadProfileSettings} />
        <Route path="/security" component={SecuritySettingsPage} preload={preloadSecuritySettings} />
        <Route path="/verification" component={VerificationSettingsPage} preload={preloadVerificationSettings} />
        <Route path="/blocked" component={BlockedPage} />
        <Route path="/notifications" component={NotificationSettingsPage} preload={preloadNotificationSettings} />
        <Route path="*404" component={NotFoundPage} />
      </Route>
      <Route path="/staff" component={StaffLayout} preload={preloadStaff}>
        <Route path="/" component={StaffHome} />
        <Route path="/verification" component={StaffVerificationPage} preload={preloadStaffVerification} />
        <Route path="/practices" component={StaffPracticeReviewPage} preload={preloadStaffPractices} />
        <Route path="/flags" component={StaffFlagsPage} />
        <Route path="/people" component={StaffPeoplePage} preload={preloadStaffPeople} />
        <Route path="/audit" component={StaffAuditPage} preload={preloadStaffAudit} />
        <Route path="/collections" component={StaffCollectionsPage} />
        <Route path="/collections/:slug" component={StaffCollectionEditor} />
        <Route path="*404" component={NotFoundPage} />
      </Route>
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
