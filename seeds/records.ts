// Reading the seed data: the shapes of the files in seeds/data/, and the stable ids and emails of demo records.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import mongoose from 'mongoose';
import type { Role } from '../schema/expert/model.ts';
import type { OrganizationKind } from '../schema/organization/model.ts';

/* The shapes of the data files in seeds/data/. */
export interface PlaceRecord {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  region: string;
  current: boolean;
  successor: string | null;
  formerNames?: string[];
}
export interface OrganizationRecord {
  slug: string;
  name: string;
  shortName?: string | null;
  kind: OrganizationKind;
  place: string | null;
  parent: string | null;
  current: boolean;
  successor: string | null;
}
export interface TopicRecord {
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
}
export interface CohortRecord {
  slug: string;
  name: string;
  nameEn: string;
  year: number;
}
export interface ExpertRecord {
  handle: string;
  name: string;
  position: string;
  organization: string;
  place: string;
  specialties: string[];
  cohorts: string[];
  bio: string;
  links: { label: string; url: string }[];
  joinedAt: string;
}

export const readData = <T>(file: string): T[] => JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8'));

/** A data file that a checkout may lack (the demo practices and threads): no records then. */
export const readOptionalData = <T>(file: string): T[] => (existsSync(new URL(`./data/${file}`, import.meta.url)) ? readData<T>(file) : []);

export interface PracticeRecord {
  key: string;
  title: string;
  summary: string;
  problem: string;
  solution: string;
  results: string;
  lessons: string;
  organization: string;
  place: string;
  topics: string[];
  stage: string;
  year: number;
  links: { label: string; url: string }[];
  authors: string[];
  publishedAt: string;
  featured: boolean;
  /** What a reader needs to reuse it (optional in the data, as in the editor). */
  level?: 'ministry' | 'province' | 'commune';
  partners?: string[];
  costBand?: 'under-500m' | 'from-500m-to-2b' | 'from-2b-to-10b' | 'over-10b' | 'undisclosed';
  beneficiaries?: string;
  challenges?: string;
  conditions?: string;
  /** A demo person's handle. */
  contact?: string;
}

export interface ThreadRecord {
  key: string;
  kind: 'question' | 'discussion';
  title: string;
  body: string;
  author: string;
  topics: string[];
  place: string | null;
  createdAt: string;
  replies: { key: string; parent: string | null; author: string; body: string; createdAt: string; votes?: string[] }[];
  accepted: string | null;
  /** The working group's group it belongs to (seeds/data/group-threads.json), if any. */
  group?: string;
}

/** A demo record's id, derived from its kind and key, so links to it survive a re-seed. */
export const stableId = (kind: string, key: string) => new mongoose.Types.ObjectId(createHash('sha1').update(`${kind}:${key}`).digest('hex').slice(0, 24));

/** Demo people get stable ids derived from their handles. */
export const demoExpertId = (handle: string) => stableId('expert', handle);

interface DemoAccounts {
  emailDomain: string;
  passwordHash: string;
  staff: Record<string, Role>;
}

export const demoAccounts = (): DemoAccounts => JSON.parse(readFileSync(new URL('./data/demo-accounts.json', import.meta.url), 'utf8'));

/** The email a demo person signs in with. */
export const demoEmail = (handle: string) => `${handle}@${demoAccounts().emailDomain}`;

/** The ids of a demo thread and of one of its replies (keys as in seeds/data/threads.json). */
export const demoThreadId = (threadKey: string) => stableId('thread', threadKey);
export const demoReplyId = (threadKey: string, replyKey: string) => stableId('reply', `${threadKey}/${replyKey}`);
