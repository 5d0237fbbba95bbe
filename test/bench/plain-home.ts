// The yardstick for the GraphQL home feed: a plain node:http endpoint, written only for the
// benchmark, that makes the same reads with the driver as the two home requests of the web app
// (HomePractices, HomeThreads) make through GraphQL, batched the same way (per list and level one
// `$in` per collection, for the keys the request has not read yet; the lists read by the same date
// windows and projection, schema/connection.ts), and answers the same JSON. What is left
// between the two is GraphQL's own cost: parsing, validation, the protections, resolvers,
// DataLoaders, the metrics plugin. run.ts checks that both send the same database commands.
//
//   POST /home/practices   featured (3) and latest (9) published practices, with their cards
//   POST /home/threads     the 5 most active threads and 5 unanswered questions (members only)
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Collection, Db, Document } from 'mongodb';
import { findNewestFirst, listProjection } from '../../schema/connection.ts';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { THREAD_LIST_SKIPS } from '../../schema/discussion/service.ts';
import { PRACTICE_LIST_SKIPS } from '../../schema/practice/service.ts';
import { Expert } from '../../schema/expert/model.ts';
import { Organization } from '../../schema/organization/model.ts';
import { Place } from '../../schema/place/model.ts';
import { Practice } from '../../schema/practice/model.ts';
import { Session } from '../../schema/session/model.ts';
import { Topic } from '../../schema/topic/model.ts';

const FEATURED = 3;
const LATEST = 9;
const THREADS = 5;

const globalId = (type: string, id: unknown) => Buffer.from(`${type}:${String(id)}`).toString('base64url');
const iso = (date: unknown) => (date instanceof Date ? date.toISOString() : null);

export function createPlainHomeServer(db: Db, cookieName = '__Host-session') {
  const collection = (model: { collection: { collectionName: string } }) => db.collection(model.collection.collectionName);
  const practices = collection(Practice);
  const organizations = collection(Organization);
  const places = collection(Place);
  const topics = collection(Topic);
  const threads = collection(Thread);
  const replies = collection(Reply);
  const experts = collection(Expert);
  const sessions = collection(Session);

  /**
   * Per request, as the DataLoaders are: one `$in` for the keys not read yet, the answers kept by
   * key, so a second list of the same request asks only for what is new to it.
   */
  const loader = () => {
    const cache = new Map<Collection, Map<string, Document | null>>();
    return async (target: Collection, keys: unknown[]): Promise<Map<string, Document | null>> => {
      const known = cache.get(target) ?? cache.set(target, new Map()).get(target)!;
      const missing = [...new Map(keys.filter((k) => k !== null && k !== undefined && !known.has(String(k))).map((k) => [String(k), k])).values()];
      if (missing.length) {
        const filter: Document = { _id: { $in: missing } };
        const docs = await target.find(filter).toArray();
        for (const key of missing) known.set(String(key), null);
        for (const doc of docs) known.set(String(doc._id), doc);
      }
      return known;
    };
  };

  /** The signed-in member, as the GraphQL context resolves one: the session by its hash, then the person. */
  async function viewerOf(req: IncomingMessage): Promise<Document | null> {
    const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${cookieName}=`));
    const token = cookie?.slice(cookieName.length + 1);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const byHash: Document = { _id: createHash('sha256').update(token).digest('hex') };
    const session = await sessions.findOne(byHash);
    if (!session || session.expiresAt.getTime() <= Date.now() || session.absoluteExpiresAt.getTime() <= Date.now()) return null;
    const expert = await experts.findOne({ _id: session.expert });
    return expert && !(expert.suspendedUntil && expert.suspendedUntil.getTime() > Date.now()) ? expert : null;
  }

  const newest = { publishedAt: -1, _id: -1 } as const;
  const mostActive = { lastActivityAt: -1, _id: -1 } as const;
  // What the home requests show of each item, so that the lists skip the same stored fields.
  const practiceFields = listProjection(PRACTICE_LIST_SKIPS, new Set(['id', 'title', 'summary', 'featured', 'stage', 'year', 'publishedAt', 'organization', 'place', 'topics']));
  const threadFields = listProjection(THREAD_LIST_SKIPS, new Set(['id', 'kind', 'title', 'replyCount', 'lastActivityAt', 'acceptedAnswer', 'author']));
  const page = (model: typeof Practice | typeof Thread, filter: Document, sort: Record<string, 1 | -1>, limit: number, projection: Record<string, 0>) =>
    findNewestFirst<Document>(model, filter, sort, limit, new Date(), projection);

  async function homePractices() {
    const load = loader();
    const orgCard = (o: Document | null | undefined) => (o ? { slug: o._id, name: o.name, shortName: o.shortName ?? null } : null);
    const placeCard = (p: Document | null | undefined) => (p ? { code: p._id, name: p.name } : null);
    /** One list: its page, then its cards' references, then their successors (each level one batch). */
    const cards = async (docs: Document[]) => {
      const [orgs, placeDocs, topicDocs] = await Promise.all([
        load(
          organizations,
          docs.map((p) => p.organization),
        ),
        load(
          places,
          docs.map((p) => p.place),
        ),
        load(
          topics,
          docs.flatMap((p) => p.topics),
        ),
      ]);
      const orgOf = (p: Document) => (p.organization ? orgs.get(p.organization) : null);
      const placeOf = (p: Document) => (p.place ? placeDocs.get(p.place) : null);
      const [successorOrgs, successorPlaces] = await Promise.all([
        load(
          organizations,
          docs.map((p) => orgOf(p)?.successor),
        ),
        load(
          places,
          docs.map((p) => placeOf(p)?.successor),
        ),
      ]);
      return docs.map((p) => {
        const org = orgOf(p);
        const place = placeOf(p);
        return {
          node: {
            id: globalId('Practice', p._id),
            title: p.title,
            summary: p.summary,
            featured: p.featured,
            stage: p.stage ? String(p.stage).toUpperCase() : null,
            year: p.year ?? null,
            publishedAt: iso(p.publishedAt),
            organization: org ? { ...orgCard(org), current: org.current, successor: orgCard(org.successor ? successorOrgs.get(org.successor) : null) } : null,
            place: place ? { ...placeCard(place), current: place.current, successor: placeCard(place.successor ? successorPlaces.get(place.successor) : null) } : null,
            topics: (p.topics as string[]).flatMap((slug) => {
              const topic = topicDocs.get(slug);
              return topic ? [{ slug: topic._id, name: topic.name, nameEn: topic.nameEn }] : [];
            }),
          },
        };
      });
    };
    const featuredFilter = { $and: [{ status: 'published' }, { featured: true }] };
    const latestFilter = { $and: [{ status: 'published' }] };
    const [featured, latest] = await Promise.all([
      page(Practice, featuredFilter, newest, FEATURED + 1, practiceFields).then((docs) => cards(docs.slice(0, FEATURED))),
      page(Practice, latestFilter, newest, LATEST + 1, practiceFields).then((docs) => Promise.all([cards(docs.slice(0, LATEST)), practices.countDocuments(latestFilter)])),
    ]);
    return { featured: { edges: featured }, latest: { totalCount: latest[1], edges: latest[0] } };
  }

  async function homeThreads() {
    const load = loader();
    const teasers = async (docs: Document[]) => {
      const [accepted, authors] = await Promise.all([
        load(
          replies,
          docs.map((t) => t.acceptedReply),
        ),
        load(
          experts,
          docs.map((t) => t.author),
        ),
      ]);
      return docs.map((t) => {
        const author = authors.get(String(t.author));
        const answer = t.acceptedReply ? accepted.get(String(t.acceptedReply)) : null;
        return {
          node: {
            id: globalId('Thread', t._id),
            kind: String(t.kind).toUpperCase(),
            title: t.title,
            replyCount: t.replyCount,
            lastActivityAt: iso(t.lastActivityAt),
            acceptedAnswer: answer ? { id: String(answer._id) } : null,
            author: author ? { handle: author.handle, name: author.name } : null,
          },
        };
      });
    };
    const unansweredFilter = { $and: [{ kind: 'question', acceptedReply: null }] };
    const [active, unanswered] = await Promise.all([
      page(Thread, {}, mostActive, THREADS + 1, threadFields).then((docs) => teasers(docs.slice(0, THREADS))),
      page(Thread, unansweredFilter, mostActive, THREADS + 1, threadFields).then((docs) => Promise.all([teasers(docs.slice(0, THREADS)), threads.countDocuments(unansweredFilter)])),
    ]);
    return { active: { edges: active }, unanswered: { totalCount: unanswered[1], edges: unanswered[0] } };
  }

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
  };

  return createServer((req, res) => {
    // The body (the GraphQL requests carry one) is read and dropped, as a real endpoint would.
    req.resume();
    req.on('end', () => {
      const answer = async () => {
        // Both GraphQL requests resolve the viewer; the practices are public but still read it.
        const viewer = await viewerOf(req);
        if (req.url === '/home/practices') return send(res, 200, { data: await homePractices() });
        if (req.url === '/home/threads') return viewer ? send(res, 200, { data: await homeThreads() }) : send(res, 401, { errors: [{ message: 'Sign in.' }] });
        send(res, 404, { errors: [{ message: 'Not found.' }] });
      };
      answer().catch((error: unknown) => send(res, 500, { errors: [{ message: String(error) }] }));
    });
  });
}
