import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { AppShell } from './components/app-shell.tsx';
import { getViewer } from './features/account/account.api.ts';
import { preloadBookmarks } from './features/bookmark/bookmark.api.ts';
import { preloadFollowing } from './features/follow/follow.api.ts';
import { preloadHome } from './features/home/home.api.ts';
import { preloadPlacePage, preloadPlacesBrowse } from './features/place/place.api.ts';
import { preloadTopicPage, preloadTopicsBrowse } from './features/topic/topic.api.ts';
import { preloadDirectory, preloadProfile } from './features/expert/expert.api.ts';
import { preloadSearch } from './features/search/search.api.ts';
import { preloadMyPractices, preloadPractice, preloadPracticeEditor, preloadPractices } from './features/practice/practice.api.ts';
import { preloadNewThread, preloadThread, preloadThreads } from './features/discussion/discussion.api.ts';
import { preloadProfileSettings, preloadSecuritySettings, preloadSettings, preloadVerificationSettings } from './features/settings/settings-preload.ts';
import { preloadStaff, preloadStaffAudit, preloadStaffPeople, preloadStaffPractices, preloadStaffVerification } from './features/staff/staff-preload.ts';
import { prefetch } from './lib/prefetch.ts';

// Each page is its own chunk; the preload functions stay here so data starts loading with the code.
const ExpertDirectory = lazy(() => import('./features/expert/expert-directory.tsx'));
const ExpertProfile = lazy(() => import('./features/expert/expert-profile.tsx'));
const PracticeListPage = lazy(() => import('./features/practice/practice-list-page.tsx'));
const PracticePage = lazy(() => import('./features/practice/practice-page.tsx'));
const ThreadListPage = lazy(() => import('./features/discussion/thread-list-page.tsx'));
const NewThreadPage = lazy(() => import('./features/discussion/new-thread-page.tsx'));
const ThreadPage = lazy(() => import('./features/discussion/thread-page.tsx'));
const PracticeEditorPage = lazy(() => import('./features/practice/practice-editor-page.tsx'));
const MyPracticesPage = lazy(() => import('./features/practice/my-practices-page.tsx'));
const SignInPage = lazy(() => import('./features/account/sign-in-page.tsx'));
const SignUpPage = lazy(() => import('./features/account/sign-up-page.tsx'));
const SettingsLayout = lazy(() => import('./features/settings/settings-layout.tsx'));
const ProfileSettingsPage = lazy(() => import('./features/settings/profile-settings-page.tsx'));
const SecuritySettingsPage = lazy(() => import('./features/settings/security-settings-page.tsx'));
const VerificationSettingsPage = lazy(() => import('./features/settings/verification-settings-page.tsx'));
const StaffLayout = lazy(() => import('./features/staff/staff-layout.tsx'));
const StaffHome = lazy(() => import('./features/staff/staff-home.tsx'));
const StaffVerificationPage = lazy(() => import('./features/staff/verification-page.tsx'));
const StaffPeoplePage = lazy(() => import('./features/staff/people-page.tsx'));
const StaffPracticeReviewPage = lazy(() => import('./features/staff/practice-review-page.tsx'));
const StaffAuditPage = lazy(() => import('./features/staff/audit-page.tsx'));
const SearchPage = lazy(() => import('./features/search/search-page.tsx'));
const FollowingPage = lazy(() => import('./features/follow/following-page.tsx'));
const BookmarksPage = lazy(() => import('./features/bookmark/bookmarks-page.tsx'));
const NotFoundPage = lazy(() => import('./components/not-found-page.tsx'));
const HomePage = lazy(() => import('./features/home/home-page.tsx'));
const TopicsPage = lazy(() => import('./features/topic/topics-page.tsx'));
const TopicPage = lazy(() => import('./features/topic/topic-page.tsx'));
const PlacesPage = lazy(() => import('./features/place/places-page.tsx'));
const PlacePage = lazy(() => import('./features/place/place-page.tsx'));

const preloadViewer = () => prefetch(getViewer());

export function App() {
  return (
    <Router root={AppShell}>
      <Route path="/" component={HomePage} preload={preloadHome} />
      <Route path="/topics" component={TopicsPage} preload={preloadTopicsBrowse} />
      <Route path="/topics/:slug" component={TopicPage} preload={preloadTopicPage} />
      <Route path="/places" component={PlacesPage} preload={preloadPlacesBrowse} />
      <Route path="/places/:code" component={PlacePage} preload={preloadPlacePage} />
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
      <Route path="/bookmarks" component={BookmarksPage} preload={preloadBookmarks} />
      <Route path="/sign-in" component={SignInPage} preload={preloadViewer} />
      <Route path="/sign-up" component={SignUpPage} preload={preloadViewer} />
      <Route path="/settings" component={SettingsLayout} preload={preloadSettings}>
        <Route path="/" component={ProfileSettingsPage} preload={preloadProfileSettings} />
        <Route path="/security" component={SecuritySettingsPage} preload={preloadSecuritySettings} />
        <Route path="/verification" component={VerificationSettingsPage} preload={preloadVerificationSettings} />
        <Route path="*404" component={NotFoundPage} />
      </Route>
      <Route path="/staff" component={StaffLayout} preload={preloadStaff}>
        <Route path="/" component={StaffHome} />
        <Route path="/verification" component={StaffVerificationPage} preload={preloadStaffVerification} />
        <Route path="/practices" component={StaffPracticeReviewPage} preload={preloadStaffPractices} />
        <Route path="/people" component={StaffPeoplePage} preload={preloadStaffPeople} />
        <Route path="/audit" component={StaffAuditPage} preload={preloadStaffAudit} />
        <Route path="*404" component={NotFoundPage} />
      </Route>
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
