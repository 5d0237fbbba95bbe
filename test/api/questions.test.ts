import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Thread } from '../../schema/discussion/model.ts';
import { RATE_LIMITS, resetRateLimits } from '../../schema/limits.ts';
import { signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();
const cookies: Record<string, string> = {};
beforeAll(async () => {
  await createReferenceData();
  await signInPeople({ asker: 'member', helper: 'member', typist: 'member' }, cookies);
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code }`;
const create = async (title: string, kind = 'QUESTION', body = '') =>
  (
    await graphql(
      `mutation ($input: CreateThreadInput!) { createThread(input: $input) { ${RESULT} ... on CreateThreadPayload { thread { id bodyHtml } } } }`,
      { input: { kind, title, body, topics: [] } },
      { cookie: cookies.asker },
    )
  ).data.createThread.thread as { id: string; bodyHtml: string };
const similar = async (title: string, kind?: string, who = 'typist') =>
  graphql(`query ($title: String!, $kind: ThreadKind) { similarThreads(title: $title, kind: $kind) { id title } }`, { title, kind }, { cookie: cookies[who] });
const titles = async (title: string, kind?: string) => ((await similar(title, kind)).data.similarThreads as { title: string }[]).map((t) => t.title);

describe('Similar questions', () => {
  beforeAll(async () => {
    await create('Triển khai chữ ký số cho cán bộ cấp xã như thế nào?');
    await create('Chữ ký số chuyên dùng: cấp phát và gia hạn');
    await create('Kinh nghiệm số hóa hồ sơ một cửa');
    await create('Chữ ký số trên điện thoại có an toàn không?', 'DISCUSSION');
    const hidden = await create('Chữ ký số bị lộ thì làm sao?');
    await Thread.updateOne({ _id: Buffer.from(hidden.id, 'base64url').toString().split(':')[1] }, { $set: { hiddenAt: new Date() } });
  });

  it('finds threads sharing the most words with a title, diacritics ignored, hidden ones left out', async () => {
    const found = await titles('chu ky so cap xa');
    expect(found[0]).toBe('Triển khai chữ ký số cho cán bộ cấp xã như thế nào?');
    expect(found).toContain('Chữ ký số chuyên dùng: cấp phát và gia hạn');
    expect(found).not.toContain('Chữ ký số bị lộ thì làm sao?');
    expect(found).not.toContain('Kinh nghiệm số hóa hồ sơ một cửa');
    expect(await titles('Chữ ký số', 'QUESTION')).not.toContain('Chữ ký số trên điện thoại có an toàn không?');
  });

  it('finds nothing for common words alone, shows at most five, and is for members only', async () => {
    expect(await titles('Làm sao như thế nào?')).toEqual([]);
    for (let i = 0; i < 6; i++) await create(`Quy trình cấp lại mã định danh lần ${i}`);
    expect(await titles('quy trinh cap lai ma dinh danh')).toHaveLength(5);
    const visitor = await graphql(`{ similarThreads(title: "chữ ký số") { id } }`);
    expect(visitor.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });

  it('refuses hostile titles with a typed error and counts against the searches budget', async () => {
    expect((await similar('x'.repeat(201))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await similar('chữ\u0000ký')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const many = RATE_LIMITS.searchesBurst.points + 1;
    // What knowing the signed-in person costs alone: the refused searches must add nothing to it.
    commandLog.reset();
    await graphql(`{ __typename }`, {}, { cookie: cookies.typist });
    const signedInReads = [...commandLog.commands];
    commandLog.reset();
    const aliased = Array.from({ length: many }, (_, i) => `s${i}: similarThreads(title: "chữ ký số ${i}") { id }`).join(' ');
    const refused = await graphql(`{ ${aliased} }`, {}, { cookie: cookies.typist });
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(commandLog.commands).toEqual(signedInReads);
  });
});

describe('Mentions', () => {
  it('link a handle that exists and leave one that does not as plain text, told to nobody', async () => {
    const thread = await create('Hỏi về mẫu hợp đồng thuê dịch vụ', 'DISCUSSION', 'Nhờ @helper và @khong.ai.co xem giúp');
    expect(thread.bodyHtml).toContain('<a href="/experts/helper" class="mention">@helper</a>');
    expect(thread.bodyHtml).toContain(' @khong.ai.co xem');
    expect(thread.bodyHtml).not.toContain('/experts/khong.ai.co');
    const stored = await Thread.findById(Buffer.from(thread.id, 'base64url').toString().split(':')[1]).lean();
    expect(stored!.mentions).toEqual(['helper']);
    const preview = await graphql(`query ($text: String!) { previewMarkdown(text: $text) }`, { text: '@nobody.here và @typist' }, { cookie: cookies.asker });
    expect(preview.data.previewMarkdown).toBe('<p>@nobody.here và <a href="/experts/typist" class="mention">@typist</a></p>\n');
  });
});
