import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { practiceIdOf, practicePath, publicOrigin } from './addresses.ts';
import { collectionPage, collectionPath, collectionSlugOf, COLLECTION_TITLE_SUFFIX } from './collection-page.ts';
import { collectionsFeed, practicesFeed } from './feeds.ts';
import { pageTemplate, SITE_NAME, type PageHead } from './page.ts';
import { practicePage } from './practice-page.ts';
import { SHOWCASE_PATH, showcasePage } from './showcase-page.ts';
import { robotsTxt, sitemap } from './sitemap.ts';

/* Pages and files for link previews, search engines and feed readers: read by people without the app's JavaScript. */

/** The static head of the public lists, in Vietnamese (the site's first language). */
const LIST_PAGES: Record<string, Omit<PageHead, 'url'>> = {
  '/': {
    title: 'Mạng lưới chuyên gia chuyển đổi số Việt Nam',
    description: 'Nơi những người làm chính phủ số ở các bộ, ngành và địa phương chia sẻ cách làm hay, hỏi và trả lời nhau, và tìm đồng nghiệp đã giải quyết đúng vấn đề mình đang gặp.',
    type: 'website',
  },
  '/practices': {
    title: `Cách làm hay | ${SITE_NAME}`,
    description: 'Những cách làm hay về chuyển đổi số do lãnh đạo công nghệ thông tin các bộ, ngành, địa phương chia sẻ: vấn đề gặp phải, giải pháp, kết quả đo được và bài học rút ra.',
    type: 'website',
  },
  '/collections': {
    title: `${COLLECTION_TITLE_SUFFIX} | ${SITE_NAME}`,
    description: 'Những bộ sưu tập cách làm hay về chuyển đổi số do Bộ chọn lọc theo chủ đề và địa phương, mỗi cách làm kèm lời giới thiệu vì sao được chọn.',
    type: 'website',
  },
};

type Answer = { status: number; type: string; body: string };

/**
 * The public routes, on the built web app's index.html. `answer` returns false for a request that
 * is not theirs (or a practice an anonymous reader may not see): the app page is served as before.
 */
export function createPublicRoutes(config: Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>, indexHtml: string) {
  const render = pageTemplate(indexHtml);
  const html = (page: PageHead): Answer => ({ status: 200, type: 'text/html; charset=utf-8', body: render(page) });

  async function answerFor(pathname: string, query: URLSearchParams, origin: string): Promise<Answer | null> {
    const list = LIST_PAGES[pathname];
    if (list) return html({ ...list, url: origin + pathname });
    if (pathname === '/sitemap.xml') return { status: 200, type: 'application/xml; charset=utf-8', body: await sitemap(origin) };
    if (pathname === '/robots.txt') return { status: 200, type: 'text/plain; charset=utf-8', body: robotsTxt(origin) };
    if (pathname === SHOWCASE_PATH) return html(await showcasePage(origin));
    const feedOf = pathname === '/feeds/practices.atom' ? practicesFeed : pathname === '/feeds/collections.atom' ? collectionsFeed : null;
    if (feedOf) {
      const feed = await feedOf(origin, query);
      return feed ? { status: 200, type: 'application/atom+xml; charset=utf-8', body: feed } : { status: 404, type: 'text/plain; charset=utf-8', body: 'No such topic or place.\n' };
    }
    const collection = /^\/collections\/([^/]+)$/.exec(pathname);
    if (collection) {
      const slug = collectionSlugOf(collection[1]!);
      const page = slug && (await collectionPage(slug, origin + collectionPath(slug)));
      return page ? html(page) : null;
    }
    const practice = /^\/practices\/([^/]+)$/.exec(pathname);
    const id = practice ? practiceIdOf(practice[1]!) : null;
    if (!practice || !id) return null;
    const page = await practicePage(id, origin + practicePath(id));
    return page && html(page);
  }

  return {
    async answer(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const answer = await answerFor(url.pathname, url.searchParams, publicOrigin(config, req));
      if (!answer) return false;
      // Fresh at every visit, like the app page: a practice's text changes when it is edited.
      res.writeHead(answer.status, { 'content-type': answer.type, 'content-length': Buffer.byteLength(answer.body), 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
      return true;
    },
  };
}
