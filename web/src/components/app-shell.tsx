import { A, useIsRouting, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, For, lazy, on, onCleanup, onMount, Show, Suspense } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { AccountArea } from '../features/account/account-menu.tsx';
import { createViewer } from '../features/account/account.api.ts';
import { NotificationBellSlot } from '../features/notification/notification-bell-slot.tsx';
import { HeaderSearch } from '../features/search/header-search.tsx';
import { BrandMark } from './brand-mark.tsx';
import { LanguageNotice, LanguageSwitch } from './language-switch.tsx';
import { MAIN_SECTIONS } from './main-sections.ts';
import { OutageNotice } from './outage-notice.tsx';
import { SectionError } from './section-error.tsx';
import { PageLoading } from './page-loading.tsx';

// Signed-in people only: its code loads with the first page that has a viewer.
const MessagesLink = lazy(() => import('../features/message/messages-link.tsx'));

/** Header, navigation, main region and footer around every page. */
export function AppShell(props: RouteSectionProps) {
  const location = useLocation();
  const routing = useIsRouting();
  const viewer = createViewer();
  let main: HTMLElement | undefined;
  let nav: HTMLElement | undefined;
  let menuButton: HTMLButtonElement | undefined;
  // On a phone the sections do not fit one row: a button shows them all as a panel.
  const [menuOpen, setMenuOpen] = createSignal(false);
  const closeMenu = (returnFocus: boolean) => {
    if (!menuOpen()) return;
    setMenuOpen(false);
    if (returnFocus) menuButton?.focus();
  };
  // A tap or a click outside the navigation closes the panel, as focus leaving it does.
  const onPointerDown = (event: PointerEvent) => {
    if (menuOpen() && !nav?.contains(event.target as Node)) closeMenu(false);
  };
  onMount(() => document.addEventListener('pointerdown', onPointerDown));
  onCleanup(() => document.removeEventListener('pointerdown', onPointerDown));

  // After moving to another page, start keyboard and screen-reader users at its content rather
  // than at the link they followed (filters and paging stay where they are: same path). A page
  // that only takes a new address (a new draft saved for the first time) says `keepFocus`.
  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false);
        if ((location.state as { keepFocus?: boolean } | null)?.keepFocus) return;
        main?.focus({ preventScroll: true });
      },
      { defer: true },
    ),
  );

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        // Native listener, so it runs before the router's and can keep it from handling the hash.
        on:click={(event) => {
          event.preventDefault();
          main?.focus();
          main?.scrollIntoView();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <A href="/" class="brand" end>
            <BrandMark class="brand-mark" />
            <span class="brand-full">{t('app.name')}</span>
            <span class="brand-short">{t('app.shortName')}</span>
          </A>
          <HeaderSearch />
          <div class="header-tools">
            <NotificationBellSlot />
            <Show when={viewer.latest}>
              <Suspense>
                <MessagesLink />
              </Suspense>
            </Show>
            <AccountArea />
            <LanguageSwitch />
          </div>
        </div>
        <nav
          class="site-nav"
          aria-label={t('app.mainNav')}
          ref={nav}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && menuOpen()) {
              event.preventDefault();
              closeMenu(true);
            }
          }}
          onFocusOut={(event) => {
            if (!nav?.contains(event.relatedTarget as Node | null) && event.relatedTarget) closeMenu(false);
          }}
        >
          <div class="site-nav-inner">
            <button type="button" class="site-nav-toggle" aria-expanded={menuOpen()} aria-controls="site-nav-links" ref={menuButton} onClick={() => setMenuOpen(!menuOpen())}>
              <svg class="site-nav-toggle-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
                <path d={menuOpen() ? 'm5 5 10 10M15 5 5 15' : 'M3 5.5h14M3 10h14M3 14.5h14'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
              </svg>
              {t('siteMenu.open')}
            </button>
            <ul id="site-nav-links" class="site-nav-links" classList={{ 'is-open': menuOpen() }}>
              <For each={MAIN_SECTIONS}>
                {(section) => (
                  <li classList={{ 'site-nav-ask': 'action' in section }}>
                    <A href={section.href} activeClass="is-active" end={'action' in section}>
                      {t(section.label)}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </nav>
        <div class="route-progress" classList={{ 'is-active': routing() }} aria-hidden="true" />
      </header>
      <OutageNotice />
      <LanguageNotice />
      <main id="main" class="site-main" tabindex="-1" ref={main}>
        {/* A page that let a failure through still says so, and moving on to another page clears it. */}
        <SectionError resetWhen={() => location.pathname}>
          <Suspense fallback={<PageLoading />}>{props.children}</Suspense>
        </SectionError>
      </main>
      <footer class="site-footer">
        <div class="site-footer-inner">
          <p>{t('app.footer')}</p>
          <p class="site-footer-note">{t('app.footerNote')}</p>
        </div>
      </footer>
    </>
  );
}
