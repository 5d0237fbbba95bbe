import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { fillDemoSignIn, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Questions as Stack Overflow made people expect them, in headless Chromium over the demo data:
 * similar questions under a title being typed, a vote for someone else's question, answers with
 * the accepted one first and the others by votes, and @mention suggestions in the answer box.
 * Two people, one sign-in each.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const pageFor = usePages(browser);

const MEMBER = 'linhnt';
/** Who asked DEMO_QUESTION. */
const ASKER = 'huongptt';
/** A demo question by someone else, with an accepted answer that is not the most voted. */
const DEMO_QUESTION = 'Chứng thư số kết nối NDXP sắp hết hạn: gia hạn mất bao lâu?';

async function visitSignedIn(page: Page, path: string, handle: string) {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('main').getByRole('link', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL(/\/sign-in\?next=/);
  await fillDemoSignIn(page, handle);
  await page.waitForURL((url) => url.pathname + url.search === path);
}

/** The number an answer's vote control shows (its button, or the count its own author sees). */
const votesOf = async (answer: ReturnType<Page['locator']>) => Number.parseInt((await answer.locator('.vote-number, .vote-count').first().innerText()).replace(/\D+/g, ' ').trim(), 10);

describe('Questions', () => {
  it('suggest similar questions while a title is typed, take a vote, list answers by votes with the accepted first, complete @mentions, and order every answer by votes once the asker unaccepts', async () => {
    const page = await pageFor();
    await visitSignedIn(page, '/threads/new?kind=question', MEMBER);
    await page.getByRole('heading', { level: 1, name: 'Đặt câu hỏi' }).waitFor();

    // Typed without diacritics, the title still finds the demo question.
    await page.getByLabel('Tiêu đề', { exact: true }).pressSequentially('gia han chung thu so NDXP', { delay: 20 });
    await page.getByRole('heading', { name: 'Câu hỏi tương tự đã có' }).waitFor();
    const similar = page.getByRole('link', { name: DEMO_QUESTION });
    await similar.waitFor();
    expect(await page.locator('.similar-questions-list li').count()).toBeLessThanOrEqual(5);
    const questionPath = (await similar.getAttribute('href'))!;

    // The question's body suggests members too; Escape leaves the text as typed.
    const body = page.getByRole('textbox', { name: /^Nội dung/ });
    await body.pressSequentially('Hỏi @ng', { delay: 30 });
    const bodySuggestions = page.getByRole('listbox', { name: 'Gợi ý thành viên để nhắc tên' });
    await bodySuggestions.waitFor();
    await page.keyboard.press('Escape');
    await bodySuggestions.waitFor({ state: 'hidden' });
    expect(await body.inputValue()).toBe('Hỏi @ng');

    // A vote for the question shows at once and stays after a reload.
    await page.goto(`${baseUrl()}${questionPath}`);
    await page.getByRole('heading', { level: 1, name: DEMO_QUESTION }).waitFor();
    const vote = page.locator('.question-vote').getByRole('button', { name: /Câu hỏi hay/ });
    const before = Number(await vote.locator('.vote-number').innerText());
    expect(await vote.getAttribute('aria-pressed')).toBe('false');
    const recorded = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('VoteForQuestion'));
    await vote.click();
    expect((await (await recorded).json()).data.voteForQuestion.thread.viewerVoted).toBe(true);
    const voted = page.locator('.question-vote').getByRole('button', { name: /Đã bình chọn/ });
    await voted.waitFor();
    expect(Number(await voted.locator('.vote-number').innerText())).toBe(before + 1);
    await page.reload();
    await page
      .locator('.question-vote')
      .getByRole('button', { name: /Đã bình chọn/ })
      .waitFor();
    expect(await page.locator('.question-vote .vote-number').innerText()).toBe(String(before + 1));

    // The accepted answer first (though another has more votes), then the others by votes.
    const answers = page.locator('article.reply.is-answer');
    await answers.first().waitFor();
    expect(await answers.count()).toBeGreaterThanOrEqual(3);
    expect(await answers.first().getAttribute('class')).toContain('is-accepted');
    const counts: number[] = [];
    for (let i = 1; i < (await answers.count()); i++) counts.push(await votesOf(answers.nth(i)));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(Math.max(...counts)).toBeGreaterThan(await votesOf(answers.first()));

    // "@ng" lists members; Escape closes the list, arrows and Enter put the chosen handle in.
    const box = page.getByLabel('Câu trả lời của bạn');
    await box.click();
    await box.pressSequentially('Nhờ @ng', { delay: 30 });
    const suggestions = page.getByRole('listbox', { name: 'Gợi ý thành viên để nhắc tên' });
    await suggestions.waitFor();
    expect(await box.getAttribute('aria-controls')).toBe(await suggestions.getAttribute('id'));
    await page.keyboard.press('Escape');
    await suggestions.waitFor({ state: 'hidden' });
    await box.pressSequentially('u', { delay: 30 });
    await suggestions.waitFor();
    const options = suggestions.getByRole('option');
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    const handle = (await options.nth(1).locator('.mention-handle').innerText()).trim();
    await page.keyboard.press('Enter');
    await suggestions.waitFor({ state: 'hidden' });
    expect(await box.inputValue()).toBe(`Nhờ ${handle} `);
    await box.pressSequentially('xem giúp', { delay: 10 });
    expect(await box.inputValue()).toBe(`Nhờ ${handle} xem giúp`);

    // The asker takes the acceptance back: the answers are then all in order of votes.
    const asker = await pageFor();
    await visitSignedIn(asker, questionPath, ASKER);
    const accepted = asker.locator('article.reply.is-accepted');
    await accepted.getByRole('button', { name: 'Bỏ chấp nhận' }).click();
    await accepted.waitFor({ state: 'detached' });
    const reordered = asker.locator('article.reply.is-answer');
    const allCounts: number[] = [];
    for (let i = 0; i < (await reordered.count()); i++) allCounts.push(await votesOf(reordered.nth(i)));
    expect(allCounts).toEqual([...allCounts].sort((a, b) => b - a));
  });
});
