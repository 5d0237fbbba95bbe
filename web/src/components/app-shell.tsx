import { A, useIsRouting, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createEffect, on, Suspense } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { AccountArea } from '../features/account/account-menu.tsx';
import { HeaderSearch } from '../features/search/header-search.tsx';
import { BrandMark } from './brand-mark.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { OutageNotice } from './outage-notice.tsx';
import { SectionError } from './section-error.tsx';

/** Header, navigation, main region and footer around every page. */
export function AppShell(props: RouteSectionProps) {
  const location = useLocation();
  const routing = useIsRouting();
  let main: HTMLElement | undefined;

  // After moving to another page, start keyboard and screen-reader users at its content rather
  // than at the link they followed (filters and paging stay where they are: same path). A page
  // that only takes a new address (a new draft saved for the first time) says `keepFocus`.
  createEffect(
    on(
      () => location.pathname,
      () => {
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
            <AccountArea />
            <LanguageSwitch />
          </div>
        </div>
        <nav class="site-nav" aria-label={t('app.mainNav')}>
          <div class="site-nav-inner">
            <A href="/practices" activeClass="is-active">{t('nav.practices')}</A>
            <A href="/experts" activeClass="is-active">{t('nav.experts')}</A>
            <A href="/threads" activeClass="is-active">{t('nav.discussions')}</A>
            <A href="/topics" activeClass="is-active">{t('nav.topics')}</A>
            <A href="/places" activeClass="is-active">{t('nav.places')}</A>
            <A href="/threads/new?kind=question" class="site-nav-ask" activeClass="is-active" end>{t('nav.ask')}</A>
          </div>
        </nav>
        <div class="route-progress" classList={{ 'is-active': routing() }} aria-hidden="true" />
      </header>
      <OutageNotice />
      <main id="main" class="site-main" tabindex="-1" ref={main}>
        {/* A page that let a failure through still says so, and moving on to another page clears it. */}
        <SectionError resetWhen={() => location.pathname}>
          <Suspense fallback={<p class="page-loading" role="status">{t('app.loading')}</p>}>{props.children}</Suspense>
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
