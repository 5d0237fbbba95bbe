import AsyncLock from 'async-lock';

/*
 * FerretDB 1.24 (the embedded database) runs findAndModify and update operators such as $inc as
 * read-then-write without isolation: two concurrent changes of one document can both "win" or
 * lose an increment (measured: 20 parallel $inc left 1). MongoDB does these atomically. So every
 * read-check-write of one document goes through this lock, keyed by the document: within one
 * process (the embedded setup) that serialises them; across processes on MongoDB the
 * conditional filters of the writes themselves keep them correct.
 */
const lock = new AsyncLock({ maxPending: 10_000 });

/** Runs `work` alone among the callers that pass the same key. */
export function exclusively<T>(key: string, work: () => Promise<T>): Promise<T> {
  return lock.acquire(key, work);
}
