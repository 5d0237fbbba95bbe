import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/* The demo discussions and questions in seeds/data/threads.json: what a member reading them would notice. */

interface Reply {
  key: string;
  parent: string | null;
  author: string;
  body: string;
  createdAt: string;
  votes: string[];
}
interface Thread {
  key: string;
  kind: 'question' | 'discussion';
  title: string;
  body: string;
  author: string;
  topics: string[];
  place: string | null;
  createdAt: string;
  replies: Reply[];
  accepted: string | null;
}
interface Place {
  code: string;
  current: boolean;
}

const read = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;
const threads = read<Thread[]>(new URL('../../seeds/data/threads.json', import.meta.url));
const experts = read<{ handle: string }[]>(new URL('../../seeds/data/experts.json', import.meta.url));
const places = read<Place[]>(new URL('../../seeds/data/places.json', import.meta.url));
const topics = read<{ slug: string }[]>(new URL('../../seeds/data/topics.json', import.meta.url));

const handles = new Set(experts.map((e) => e.handle));
const placeByCode = new Map(places.map((p) => [p.code, p]));
const topicSlugs = new Set(topics.map((t) => t.slug));
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

const questions = threads.filter((t) => t.kind === 'question');
const discussions = threads.filter((t) => t.kind === 'discussion');
const allReplies = threads.flatMap((t) => t.replies.map((r) => ({ thread: t, reply: r })));
const topLevel = (t: Thread) => t.replies.filter((r) => r.parent === null);
/** Answered: someone other than the asker replied at the top level. */
const answered = (t: Thread) => topLevel(t).some((r) => r.author !== t.author);

// Same rule as schema/validation.ts: C0 but tab and line breaks, DEL, C1, bidirectional overrides.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MENTION = /(?<![\w@.])@([a-z0-9][a-z0-9._-]*[a-z0-9])/g;

/** Every piece of free text with a label for failure messages. */
const texts = (): [string, string][] =>
  threads.flatMap((t) => [[`${t.key} title`, t.title] as [string, string], [`${t.key} body`, t.body] as [string, string], ...t.replies.map((r) => [`${t.key}/${r.key}`, r.body] as [string, string])]);

describe('threads', () => {
  it('has at least 200 threads, half of them questions', () => {
    expect(threads.length).toBeGreaterThanOrEqual(200);
    expect(questions.length + discussions.length).toBe(threads.length);
    expect(questions.length).toBe(discussions.length);
  });

  it('has unique keys in slug form', () => {
    expect(duplicates(threads.map((t) => t.key))).toEqual([]);
    for (const t of threads) expect(t.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('resolves authors, topics and places (current units only)', () => {
    for (const t of threads) {
      expect(handles.has(t.author), `${t.key} author ${t.author}`).toBe(true);
      expect(t.topics.length, t.key).toBeGreaterThanOrEqual(1);
      expect(t.topics.length, t.key).toBeLessThanOrEqual(3);
      expect(duplicates(t.topics), t.key).toEqual([]);
      for (const s of t.topics) expect(topicSlugs.has(s), `${t.key} topic ${s}`).toBe(true);
      if (t.place !== null) expect(placeByCode.get(t.place)?.current, `${t.key} place ${t.place}`).toBe(true);
    }
  });

  it('keeps titles and bodies within bounds', () => {
    for (const t of threads) {
      expect(t.title.length, t.key).toBeGreaterThanOrEqual(10);
      expect(t.title.length, t.key).toBeLessThanOrEqual(200);
      expect(t.title, t.key).not.toMatch(/[\r\n]/);
      expect(t.body.length, t.key).toBeGreaterThanOrEqual(80);
      expect(t.body.length, t.key).toBeLessThanOrEqual(1200);
    }
  });

  it('was started between June 2024 and mid-November 2026', () => {
    for (const t of threads) {
      expect(t.createdAt, t.key).toMatch(ISO);
      expect(t.createdAt >= '2024-06-01T00:00:00Z' && t.createdAt <= '2026-11-15T23:59:59Z', `${t.key} ${t.createdAt}`).toBe(true);
    }
  });

  it('spreads over many people, places and every topic', () => {
    expect(new Set(threads.map((t) => t.author)).size).toBeGreaterThanOrEqual(80);
    expect(new Set(threads.map((t) => t.place).filter((p) => p !== null)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(threads.flatMap((t) => t.topics))).toEqual(topicSlugs);
    expect(duplicates(threads.map((t) => t.title))).toEqual([]);
  });
});

describe('replies', () => {
  it('has at least 1,500 replies, some threads short and some long', () => {
    expect(allReplies.length).toBeGreaterThanOrEqual(1500);
    const average = allReplies.length / threads.length;
    expect(average).toBeGreaterThanOrEqual(7);
    expect(average).toBeLessThanOrEqual(8);
    expect(threads.filter((t) => t.replies.length <= 2).length).toBeGreaterThanOrEqual(5);
    expect(threads.filter((t) => t.replies.length >= 20).length).toBeGreaterThanOrEqual(3);
  });

  it('has keys unique within each thread', () => {
    for (const t of threads) {
      expect(duplicates(t.replies.map((r) => r.key)), t.key).toEqual([]);
      for (const r of t.replies) expect(r.key, t.key).toMatch(/^r\d+$/);
    }
  });

  it('resolves every author', () => {
    for (const { thread, reply } of allReplies) expect(handles.has(reply.author), `${thread.key}/${reply.key} ${reply.author}`).toBe(true);
  });

  it('points each parent at an earlier reply of the same thread, at most four levels deep', () => {
    let deepest = 0;
    for (const t of threads) {
      const depth = new Map<string, number>();
      for (const r of t.replies) {
        if (r.parent === null) depth.set(r.key, 0);
        else {
          expect(depth.has(r.parent), `${t.key}/${r.key} parent ${r.parent}`).toBe(true);
          depth.set(r.key, (depth.get(r.parent) ?? 0) + 1);
        }
        expect(depth.get(r.key), `${t.key}/${r.key}`).toBeLessThanOrEqual(3);
        deepest = Math.max(deepest, depth.get(r.key) ?? 0);
      }
    }
    expect(deepest).toBe(3);
  });

  it('keeps bodies within bounds', () => {
    for (const { thread, reply } of allReplies) {
      expect(reply.body.length, `${thread.key}/${reply.key}`).toBeGreaterThanOrEqual(20);
      expect(reply.body.length, `${thread.key}/${reply.key}`).toBeLessThanOrEqual(800);
    }
  });

  it('comes in order, after the thread and after its parent', () => {
    for (const t of threads) {
      let previous = t.createdAt;
      const at = new Map<string, string>();
      for (const r of t.replies) {
        expect(r.createdAt, `${t.key}/${r.key}`).toMatch(ISO);
        expect(r.createdAt > t.createdAt, `${t.key}/${r.key} before the thread`).toBe(true);
        expect(r.createdAt >= previous, `${t.key}/${r.key} out of order`).toBe(true);
        if (r.parent !== null) expect(r.createdAt > (at.get(r.parent) ?? ''), `${t.key}/${r.key} before its parent`).toBe(true);
        at.set(r.key, r.createdAt);
        previous = r.createdAt;
      }
    }
  });

  it('often has the asker come back to thank or clarify', () => {
    const withAsker = threads.filter((t) => t.replies.some((r) => r.author === t.author));
    expect(withAsker.length / threads.length).toBeGreaterThanOrEqual(0.6);
  });
});

describe('votes and accepted answers', () => {
  it('has votes only on top-level replies of questions, never by the reply author, never twice', () => {
    for (const { thread, reply } of allReplies) {
      const label = `${thread.key}/${reply.key}`;
      expect(Array.isArray(reply.votes), label).toBe(true);
      if (thread.kind !== 'question' || reply.parent !== null) expect(reply.votes, label).toEqual([]);
      expect(reply.votes, label).not.toContain(reply.author);
      expect(duplicates(reply.votes), label).toEqual([]);
      for (const h of reply.votes) expect(handles.has(h), `${label} voter ${h}`).toBe(true);
    }
    expect(allReplies.some(({ reply }) => reply.votes.length > 0)).toBe(true);
  });

  it('accepts only a top-level reply of a question, written by someone other than the asker', () => {
    for (const t of discussions) expect(t.accepted, t.key).toBeNull();
    for (const t of questions) {
      if (t.accepted === null) continue;
      const reply = t.replies.find((r) => r.key === t.accepted);
      expect(reply, `${t.key} accepted ${t.accepted}`).toBeDefined();
      expect(reply?.parent, t.key).toBeNull();
      expect(reply?.author, t.key).not.toBe(t.author);
    }
  });

  it('answers most questions, accepts about 45% and leaves a few unanswered', () => {
    expect(questions.filter(answered).length / questions.length).toBeGreaterThanOrEqual(0.8);
    const accepted = questions.filter((t) => t.accepted !== null).length / questions.length;
    expect(accepted).toBeGreaterThanOrEqual(0.38);
    expect(accepted).toBeLessThanOrEqual(0.52);
    expect(questions.filter((t) => t.replies.length === 0).length).toBeGreaterThanOrEqual(10);
  });
});

describe('text', () => {
  it('is NFC, well formed, trimmed and free of control characters', () => {
    for (const [label, text] of texts()) {
      expect(text.isWellFormed(), label).toBe(true);
      expect(text.normalize('NFC') === text, `${label} is not NFC`).toBe(true);
      expect(CONTROL.test(text), `${label} has a control character`).toBe(false);
      expect(text.trim(), label).toBe(text);
    }
  });

  it('is Vietnamese with its diacritics, and no placeholder text', () => {
    for (const [label, text] of texts()) {
      expect(text, label).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
      expect(text, label).not.toMatch(/lorem|ipsum|TODO|placeholder/i);
    }
  });

  it('mentions only real people, and never the writer', () => {
    let mentions = 0;
    for (const t of threads) {
      const check = (label: string, author: string, text: string) => {
        for (const match of text.matchAll(MENTION)) {
          const handle = match[1] ?? '';
          mentions += 1;
          expect(handles.has(handle), `${label} mentions @${handle}`).toBe(true);
          expect(handle, `${label} mentions its own author`).not.toBe(author);
        }
      };
      check(t.key, t.author, t.body);
      for (const r of t.replies) check(`${t.key}/${r.key}`, r.author, r.body);
    }
    expect(mentions).toBeGreaterThanOrEqual(10);
  });

  it('repeats no reply word for word', () => {
    expect(duplicates(allReplies.map(({ reply }) => reply.body))).toEqual([]);
  });
});
