// The demo's curated collections (seeds/data/collections.json): the ministry's showcase over the demo practices.
import { Collection } from '../schema/collection/model.ts';
import { RENDERER_VERSION, renderMarkdown } from '../schema/markdown/render.ts';
import { demoExpertId, readOptionalData, stableId } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

export interface CollectionRecord {
  key: string;
  title: string;
  intro: string;
  topics: string[];
  places: string[];
  edition: string;
  status: 'draft' | 'published' | 'archived';
  /** The handle of the curator who made it. */
  createdBy: string;
  publishedAt: string | null;
  /** Practices by their key in practices.json, in order, each with why it was chosen. */
  items: { practice: string; note: string }[];
}

/**
 * Adds the demo collections that are missing (or, with `reset`, puts them back as shipped). A
 * collection is a unit of its own: curators' later changes to a stored one stay.
 */
export async function loadDemoCollections(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const units: DemoUnit[] = readOptionalData<CollectionRecord>('collections.json').map((c) => {
    // Dated like the demo's other records, so a re-seed finds them equal.
    const createdAt = new Date(c.publishedAt ?? '2026-11-25T02:00:00.000Z');
    return {
      head: {
        _id: stableId('collection', c.key),
        title: c.title,
        slug: c.key,
        intro: c.intro,
        introHtml: renderMarkdown(c.intro),
        htmlVersion: RENDERER_VERSION,
        topics: c.topics,
        places: c.places,
        edition: c.edition,
        status: c.status,
        items: c.items.map((item) => ({ _id: stableId('collection-item', `${c.key}/${item.practice}`), practice: stableId('practice', item.practice), note: item.note })),
        createdBy: demoExpertId(c.createdBy),
        publishedAt: c.publishedAt ? new Date(c.publishedAt) : null,
        version: 1,
        createdAt,
        updatedAt: createdAt,
      },
      parts: [],
    };
  });
  return options.reset ? resetUnits(Collection, units) : addMissingUnits(Collection, units);
}
