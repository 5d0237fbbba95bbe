import { describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../../web/src/lib/form.ts';
import { draftValues, type DraftValues } from '../../web/src/features/practice/practice-draft.ts';
import type { PracticeDraft } from '../../web/src/features/practice/practice-record.api.ts';
import { createSaveQueue, type SaveTimer } from '../../web/src/features/practice/practice-save-queue.ts';
import type { PracticeChanges, SavedPractice } from '../../web/src/features/practice/practice-writes.api.ts';

/*
 * The practice editor's saving (web/src/features/practice/practice-save-queue.ts), apart from the
 * browser: the request and the pause after typing are the test's own, answered by hand, so what
 * an author would see (what is sent, when, and what the editor says) is checked without waiting.
 */

// The router's Node build refuses its browser API at import; the queue uses none of it.
vi.mock('@solidjs/router', () => ({ useSearchParams: () => undefined }));

type SaveOutcome = Outcome<{ practice: SavedPractice }>;
interface SaveCall {
  id: string | null;
  changes: PracticeChanges;
  baseUpdatedAt: string | undefined;
  answer: (outcome: SaveOutcome) => void;
}

/** A request the test answers when it chooses: each call waits in `calls` until answered. */
function pendingSaves() {
  const calls: SaveCall[] = [];
  const save = (id: string | null, changes: PracticeChanges, baseUpdatedAt?: string) =>
    new Promise<SaveOutcome>((answer) => {
      calls.push({ id, changes, baseUpdatedAt, answer });
    });
  return { calls, save };
}

/** The pause before an autosave, ended by the test (`elapse`) instead of a clock. */
function manualTimer() {
  let pending: (() => void) | undefined;
  const timer: SaveTimer = {
    start: (run) => {
      pending = run;
    },
    stop: () => {
      pending = undefined;
    },
  };
  return {
    timer,
    running: () => pending !== undefined,
    elapse: () => {
      const run = pending;
      pending = undefined;
      run?.();
    },
  };
}

const saved = (id: string, updatedAt: string, status: SavedPractice['status'] = 'DRAFT'): SaveOutcome => ({ ok: true, data: { practice: { id, status, version: 0, updatedAt } } });
const failed = (code: string, fields: Record<string, string> = {}): SaveOutcome => ({ ok: false, problem: { fields, form: { code } } });

/** Lets the queue take its next step (its saves are chained promises). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

const EXISTING: PracticeDraft = {
  id: '6650f0c2a1b2c3d4e5f60718',
  title: 'Một cửa điện tử cấp xã',
  summary: 'Tóm tắt',
  problem: '',
  solution: '',
  results: '',
  lessons: '',
  organization: null,
  place: null,
  topics: [],
  stage: null,
  year: null,
  level: null,
  costBand: null,
  partners: [],
  beneficiaries: '',
  challenges: '',
  conditions: '',
  contact: null,
  links: [],
  authors: [{ id: 'viewer', handle: 'an', name: 'An' }],
  invitedAuthors: [],
  status: 'DRAFT',
  returnReason: '',
  version: 0,
  updatedAt: '2026-01-01T00:00:00.000Z',
  viewerCanEdit: true,
  pendingEdit: null,
};

function editor(initial: PracticeDraft | null) {
  const values: DraftValues = draftValues(initial, 'viewer');
  const saves = pendingSaves();
  const clock = manualTimer();
  const created: string[] = [];
  const queue = createSaveQueue({ values, initial, save: saves.save, timer: clock.timer, onCreated: (id) => created.push(id), onEdited: () => {} });
  /** Types into a field, as the form does. */
  const type = <F extends 'title' | 'summary' | 'problem'>(field: F, text: string) => {
    values[field] = text;
    queue.edited(field);
  };
  return { values, queue, calls: saves.calls, clock, created, type };
}

describe('the practice editor autosave', () => {
  it('saves a new draft only once its title is long enough, with everything written so far, then updates it by its id', async () => {
    const { queue, calls, clock, created, type } = editor(null);
    type('summary', 'Người dân nộp hồ sơ một lần');
    type('title', 'Mộ');
    clock.elapse();
    await settled();
    expect(calls).toEqual([]);

    type('title', 'Một cửa điện tử');
    clock.elapse();
    await settled();
    expect(calls.map(({ id, changes, baseUpdatedAt }) => ({ id, changes, baseUpdatedAt }))).toEqual([
      { id: null, changes: { title: 'Một cửa điện tử', summary: 'Người dân nộp hồ sơ một lần' }, baseUpdatedAt: undefined },
    ]);
    calls[0]!.answer(saved('p1', '2026-01-02T00:00:00.000Z'));
    await settled();
    expect(created).toEqual(['p1']);
    expect(queue.practiceId()).toBe('p1');
    expect(queue.unsaved()).toBe(false);

    type('problem', 'Hồ sơ giấy');
    clock.elapse();
    await settled();
    expect(calls[1]).toMatchObject({ id: 'p1', changes: { problem: 'Hồ sơ giấy' }, baseUpdatedAt: '2026-01-02T00:00:00.000Z' });
  });

  it('waits for a pause in the typing: a newer edit replaces the save waiting, and only the latest text is sent', async () => {
    const { calls, clock, type } = editor(EXISTING);
    type('summary', 'Tóm tắt mới');
    type('summary', 'Tóm tắt mới hơn');
    expect(calls).toEqual([]);
    clock.elapse();
    await settled();
    expect(calls.map((call) => call.changes)).toEqual([{ summary: 'Tóm tắt mới hơn' }]);
  });

  it('sends what was typed during a save in the next one, based on the version the first one made', async () => {
    const { queue, calls, clock, type } = editor(EXISTING);
    type('summary', 'Lần một');
    clock.elapse();
    await settled();
    type('summary', 'Lần hai');
    // The request on its way holds the first text; a second save waits behind it.
    const second = queue.saveNow();
    calls[0]!.answer(saved(EXISTING.id, '2026-01-03T00:00:00.000Z'));
    await settled();
    expect(calls[1]).toMatchObject({ changes: { summary: 'Lần hai' }, baseUpdatedAt: '2026-01-03T00:00:00.000Z' });
    calls[1]!.answer(saved(EXISTING.id, '2026-01-04T00:00:00.000Z'));
    expect(await second).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
    expect(queue.unsaved()).toBe(false);
  });

  it('says a failed save failed, keeps the edits as unsaved, and sends them again on retry', async () => {
    const { queue, calls, clock, type } = editor(EXISTING);
    type('summary', 'Tóm tắt khi mất mạng');
    clock.elapse();
    await settled();
    calls[0]!.answer(failed('NETWORK_ERROR'));
    await settled();
    expect(queue.phase()).toBe('failed');
    expect(queue.saveProblem()?.code).toBe('NETWORK_ERROR');
    expect(queue.unsaved()).toBe(true);

    const retry = queue.saveNow();
    await settled();
    expect(calls[1]).toMatchObject({ changes: { summary: 'Tóm tắt khi mất mạng' }, baseUpdatedAt: EXISTING.updatedAt });
    calls[1]!.answer(saved(EXISTING.id, '2026-01-05T00:00:00.000Z'));
    expect(await retry).toEqual({ ok: true });
    expect(queue.phase()).toBe('idle');
    expect(queue.saveProblem()).toBeUndefined();
    expect(queue.unsaved()).toBe(false);
  });

  it('on a conflict (another author saved first) keeps the text unsaved and never moves its base forward by itself', async () => {
    const { queue, calls, clock, type } = editor(EXISTING);
    type('summary', 'Bản của tôi');
    clock.elapse();
    await settled();
    calls[0]!.answer(failed('CONFLICT'));
    await settled();
    expect(queue.phase()).toBe('failed');
    expect(queue.saveProblem()?.code).toBe('CONFLICT');
    expect(queue.unsaved()).toBe(true);

    void queue.saveNow();
    await settled();
    // Still based on the version this editor loaded: the server refuses again rather than overwrite.
    expect(calls[1]?.baseUpdatedAt).toBe(EXISTING.updatedAt);
  });

  it('shows a refused field beside it, saves the others without it, and sends it again once it is edited', async () => {
    const { values, queue, calls, clock, type } = editor(EXISTING);
    values.links = [{ key: 'n1', label: 'Báo cáo', url: 'javascript:alert(1)' }];
    queue.edited('links');
    type('summary', 'Tóm tắt có liên kết');
    clock.elapse();
    await settled();
    expect(calls[0]?.changes).toEqual({ summary: 'Tóm tắt có liên kết', links: [{ label: 'Báo cáo', url: 'javascript:alert(1)' }] });
    calls[0]!.answer(failed('VALIDATION_FAILED', { 'links.0.url': 'INVALID' }));
    await settled();
    expect(queue.errors()).toEqual({ 'links.n1.url': 'INVALID' });
    expect(calls[1]?.changes).toEqual({ summary: 'Tóm tắt có liên kết' });
    calls[1]!.answer(saved(EXISTING.id, '2026-01-06T00:00:00.000Z'));
    await settled();
    expect(queue.unsaved()).toBe(false);

    values.links = [{ key: 'n1', label: 'Báo cáo', url: 'https://dichvucong.gov.vn' }];
    queue.edited('links');
    expect(queue.errors()).toEqual({});
    clock.elapse();
    await settled();
    expect(calls[2]?.changes).toEqual({ links: [{ label: 'Báo cáo', url: 'https://dichvucong.gov.vn' }] });
  });

  it('saves a published practice’s edit after a pause like a draft, against the version it loaded, and stays published', async () => {
    const published: PracticeDraft = { ...EXISTING, status: 'PUBLISHED', version: 2 };
    const { queue, calls, clock, type } = editor(published);
    type('summary', 'Sửa bản đã công bố');
    expect(clock.running()).toBe(true);
    clock.elapse();
    await settled();
    expect(calls.map(({ id, changes, baseUpdatedAt }) => ({ id, changes, baseUpdatedAt }))).toEqual([
      { id: EXISTING.id, changes: { summary: 'Sửa bản đã công bố' }, baseUpdatedAt: EXISTING.updatedAt },
    ]);
    calls[0]!.answer({ ok: true, data: { practice: { id: EXISTING.id, status: 'PUBLISHED', version: 2, updatedAt: '2026-01-07T00:00:00.000Z' } } });
    await settled();
    expect(queue.unsaved()).toBe(false);
    expect(queue.savedAt()).toBeInstanceOf(Date);
    expect(queue.status()).toBe('PUBLISHED');
    expect(queue.version()).toBe(2);

    // Another author saved the edit meanwhile: refused, kept unsaved, never saved over theirs.
    type('summary', 'Sửa tiếp');
    clock.elapse();
    await settled();
    expect(calls[1]?.baseUpdatedAt).toBe('2026-01-07T00:00:00.000Z');
    calls[1]!.answer(failed('CONFLICT'));
    await settled();
    expect(queue.saveProblem()?.code).toBe('CONFLICT');
    expect(queue.unsaved()).toBe(true);
  });
});
