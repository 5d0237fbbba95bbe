import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { demoEmail, useBrowser, usePages } from '../helpers/browser.ts';
import { useMailbox } from '../helpers/mailbox.ts';

/*
 * Getting back into an account by email, in headless Chromium against the built web app: the
 * emails go over SMTP to a real server started by the test (helpers/mailbox.ts), whose links the
 * browser then opens.
 */

const baseUrl = useRunningApp();
const mailbox = useMailbox(baseUrl);
const browser = useBrowser();
const open = usePages(browser);

describe('Password reset', () => {
  it('sends a link from "Quên mật khẩu?" that sets a new password once; the second use says the link is used or expired', async () => {
    const email = demoEmail('ha.ltt');
    const page = await open();
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Gửi liên kết' }).click();
    await page.getByText(`Nếu địa chỉ ${email} có tài khoản, chúng tôi đã gửi thư`).waitFor();

    const [mail] = await mailbox.to(email);
    expect(mail!.parsed.subject).toBe('Đặt lại mật khẩu');
    const link = mailbox.linkIn(mail!, '/reset-password#');

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu mới' }).waitFor();
    // The token leaves the address bar once read.
    expect(new URL(page.url()).hash).toBe('');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-sau-khi-quen');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã đặt mật khẩu mới' }).waitFor();

    await page.getByRole('main').getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-moi-sau-khi-quen');
    await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await page
      .locator('header.site-header')
      .getByRole('button', { name: /^Tài khoản: / })
      .waitFor();

    const again = await open();
    await again.goto(link);
    await again.getByLabel('Mật khẩu mới', { exact: true }).fill('lai-doi-mat-khau-lan-nua');
    await again.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await again.getByRole('heading', { level: 1, name: 'Liên kết đã được dùng hoặc đã hết hạn' }).waitFor();
    await again.getByRole('link', { name: 'Yêu cầu liên kết mới' }).waitFor();
  });

  it('answers a sign-up with a taken address by "check your inbox", and emails the owner instead', async () => {
    const email = demoEmail('khanhpq');
    const page = await open();
    await page.goto(`${baseUrl()}/sign-up`);
    await page.getByLabel('Họ và tên').fill('Người Thử Địa Chỉ');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('khong-phai-mat-khau-cua-ho');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hãy kiểm tra hộp thư' }).waitFor();
    await page.getByText(`Chúng tôi đã gửi thư đến ${email}.`).waitFor();
    expect(await page.getByRole('button', { name: 'Tạo tài khoản' }).isVisible()).toBe(false);
    expect((await mailbox.to(email)).map((m) => m.parsed.subject)).toEqual(['Có người thử đăng ký bằng địa chỉ của bạn']);
  });

  it('signs a new member in after sign-up, shows the address as unconfirmed with "send again", and confirms it from the email’s link', async () => {
    const email = `moi.${Date.now()}@so-tttt.example.vn`;
    const page = await open();
    await page.goto(`${baseUrl()}/sign-up`);
    await page.getByLabel('Họ và tên').fill('Trịnh Thu Xác');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mot-cau-rat-de-nho');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    // New members are welcomed first (test/e2e/onboarding.test.ts).
    await page.waitForURL(/\/welcome$/);

    await page.goto(`${baseUrl()}/settings/security`);
    await page.getByRole('heading', { name: 'Email chưa được xác nhận' }).waitFor();
    await page.getByRole('button', { name: 'Gửi lại thư xác nhận' }).click();
    await page.getByText('Đã gửi. Liên kết trong thư mới dùng được 48 giờ').waitFor();
    const mails = await mailbox.to(email);
    expect(mails.map((m) => m.parsed.subject)).toEqual(['Xác nhận địa chỉ email', 'Xác nhận địa chỉ email']);

    await page.goto(mailbox.linkIn(mails[1]!, '/verify-email#'));
    await page.getByRole('heading', { level: 1, name: 'Đã xác nhận địa chỉ email' }).waitFor();
    await page.goto(`${baseUrl()}/settings/security`);
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Email chưa được xác nhận' }).count()).toBe(0);
  });
});
