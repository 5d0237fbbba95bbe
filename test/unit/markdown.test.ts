import { describe, expect, it } from 'vitest';
import { MAX_HTML_LENGTH, MAX_MARKDOWN_LENGTH, mentionedHandles, renderMarkdown } from '../../schema/markdown/render.ts';

/** Known ways of smuggling script through markdown and HTML (OWASP's filter-evasion classics). */
const xssCorpus = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](  javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '![x](x" onerror="alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<<script>script>alert(1)<</script>/script>',
  '[a](https://x.example "title" onmouseover="alert(1)")',
  '<details open ontoggle=alert(1)>',
  '`<script>alert(1)</script>`',
  '<form action="javascript:alert(1)"><button>x</button></form>',
];

describe('Markdown rendering', () => {
  it.each(xssCorpus)('renders %j without anything that can run script', (payload) => {
    const html = renderMarkdown(payload);
    // Text is escaped (&lt;), so every "<" left starts a real element: inspect those.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) {
      expect(tag).toMatch(/^<(p|br|strong|em|del|code|pre|blockquote|ul|ol|li|a|h[3-6]|hr|table|thead|tbody|tr|th|td)[\s>]/);
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data):/i);
    }
  });

  it('keeps the formatting people use: emphasis, lists, links, tables, code', () => {
    const html = renderMarkdown('**Kết quả**: giảm _30%_ thời gian.\n\n- LGSP\n- NDXP\n\n[Hướng dẫn](https://example.gov.vn/huong-dan)\n\n| Năm | Hồ sơ |\n|---|--:|\n| 2024 | 1.200 |\n\n`code`');
    expect(html).toContain('<strong>Kết quả</strong>');
    expect(html).toContain('<em>30%</em>');
    expect(html).toContain('<li>LGSP</li>');
    expect(html).toContain('<a href="https://example.gov.vn/huong-dan" rel="nofollow noopener noreferrer" target="_blank">Hướng dẫn</a>');
    expect(html).toContain('<td style="text-align:right">1.200</td>');
    expect(html).toContain('<code>code</code>');
  });

  it('shows raw HTML as text rather than dropping what someone wrote', () => {
    expect(renderMarkdown('a <b>b</b>')).toBe('<p>a &lt;b&gt;b&lt;/b&gt;</p>\n');
  });

  it('demotes headings below the page’s own', () => {
    expect(renderMarkdown('# Một\n## Hai')).toBe('<h3>Một</h3>\n<h4>Hai</h4>\n');
  });

  it('survives a markdown bomb of deep nesting and a huge table quickly', () => {
    const nested = `${'> '.repeat(5000)}x\n${'- '.repeat(5000)}y`;
    const table = `|a|b|\n|-|-|\n${'|1|2|\n'.repeat(20_000)}`;
    const started = performance.now();
    const html = renderMarkdown(nested) + renderMarkdown(table);
    expect(html.length).toBeLessThan(1_000_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('Mentions', () => {
  it('links @handle to the profile inside the app, ending the handle before a closing dot', () => {
    expect(renderMarkdown('Cảm ơn @ha.ltt. Hỏi thêm @hungnv nhé')).toBe(
      '<p>Cảm ơn <a href="/experts/ha.ltt" class="mention">@ha.ltt</a>. Hỏi thêm <a href="/experts/hungnv" class="mention">@hungnv</a> nhé</p>\n',
    );
    expect(mentionedHandles('@ha.ltt và @hungnv, lại @ha.ltt')).toEqual(['ha.ltt', 'hungnv']);
  });

  it('leaves e-mail addresses, code, too-short and capitalised names alone', () => {
    expect(mentionedHandles('thư a@hungnv.vn, `@hungnv`, @ab, @Hungnv')).toEqual([]);
    expect(renderMarkdown('`@hungnv`')).toBe('<p><code>@hungnv</code></p>\n');
  });

  it('never lets a written link pose as a mention', () => {
    const html = renderMarkdown('[bấm](/experts/evil) <a class="mention" href="javascript:alert(1)">x</a>');
    expect(html).not.toMatch(/<a [^>]*class="mention"/);
    expect(html).not.toMatch(/<a [^>]*href="javascript/);
    expect(html).toContain('<a href="/experts/evil" rel="nofollow noopener noreferrer" target="_blank">bấm</a>');
  });
});

describe('Stored HTML bounds', () => {
  it('keeps ~~struck~~ text struck', () => {
    expect(renderMarkdown('giá ~~cũ~~ mới')).toBe('<p>giá <del>cũ</del> mới</p>\n');
  });

  const longest = (unit: string) => unit.repeat(Math.ceil(MAX_MARKDOWN_LENGTH / unit.length)).slice(0, MAX_MARKDOWN_LENGTH);

  it.each([
    ['prose', longest('Sở Thông tin và Truyền thông đã triển khai **chữ ký số** cho cán bộ xã. ')],
    ['a list of links', longest('- [Hướng dẫn kết nối LGSP](https://dx.example.vn/huong-dan/lgsp)\n')],
    ['a table', longest('| Tỉnh | Số hồ sơ trực tuyến | Tỷ lệ |\n|---|---|---|\n')],
    ['mentions among words', longest('Cảm ơn @ha.ltt về bài viết hữu ích này. ')],
  ])('lets the longest text of %s be stored (its HTML stays under the cap)', (_, text) => {
    expect(renderMarkdown(text).length).toBeLessThanOrEqual(MAX_HTML_LENGTH);
  });

  it.each([
    ['bare addresses', longest('a@b.vn ')],
    ['empty table rows', `a|b\n-|-\n${longest('|\n').slice(8)}`],
    ['repeated references', `[a]: http://a\n${longest('[a] ').slice(14)}`],
    ['nothing but mentions', longest('@abc ')],
  ])('shows when %s would make too much HTML to store', (_, text) => {
    expect(renderMarkdown(text).length).toBeGreaterThan(MAX_HTML_LENGTH);
  });
});
