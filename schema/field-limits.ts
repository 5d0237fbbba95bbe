/*
 * Every length and count limit of what people write, defined once: the API's input rules
 * (schema/validation.ts and each feature's zod schemas) and the web app's forms both import this
 * module, so a form can never promise more than the server takes. Plain constants and no
 * imports, so that the web bundle takes only these few bytes. Lengths count UTF-16 code units of
 * the NFC-normalised, trimmed text, as JavaScript's `length` does.
 */

/** Any markdown text: a practice's sections, a thread's or reply's body, the editor's preview. */
export const MARKDOWN_MAX = 20_000;

/** A reference code or slug (a place, organisation, topic, cohort). */
export const CODE_MAX = 80;

/** A person's handle (co-authors are named by it). */
export const HANDLE_MAX = 30;

/** A web address a person gives (profile and practice links). */
export const WEB_ADDRESS_MAX = 300;

/** A search box's text, and the words it may hold. */
export const SEARCH_LIMITS = { text: 200, words: 12 } as const;

/** The API's largest page of a list. */
export const PAGE_SIZE_MAX = 50;

/** Signing up and in: a person's display name, email and password. */
export const ACCOUNT_LIMITS = { nameMin: 2, name: 80, email: 254, passwordMin: 10, password: 128 } as const;

/** A profile (the name is ACCOUNT_LIMITS'). */
export const PROFILE_LIMITS = { position: 120, bio: 1000, specialties: 6, links: 5, linkLabel: 60 } as const;

/** A profile picture, in bytes once decoded. */
export const AVATAR_MAX_BYTES = 256 * 1024;

/** A good practice, and a curator's reason for returning one. */
export const PRACTICE_LIMITS = {
  titleMin: 5,
  title: 200,
  summary: 600,
  markdown: MARKDOWN_MAX,
  topics: 5,
  links: 10,
  linkLabel: 80,
  coAuthors: 5,
  /** Partners and enterprises involved: how many names, and each name's length. */
  partners: 10,
  partnerName: 120,
  /** Who benefits and how many, in a sentence or two. */
  beneficiaries: 300,
  /** The earliest year a practice may name; the latest is next year (for what is being prepared). */
  yearMin: 2000,
  returnReasonMin: 3,
  returnReason: 2000,
} as const;

/**
 * What submitting a practice for review needs beyond a draft (which needs only its title): the
 * record must tell the whole case. `topics` needs at least one. The reuse fields (level, partners,
 * cost band, beneficiaries, challenges, conditions, contact) stay optional: practices published
 * before them must stay revisable without new facts, a cost may not be the authors' to disclose,
 * and a curator's checklist asks for a contact instead of the form refusing the submission.
 */
export const PRACTICE_REQUIRED_TO_SUBMIT = ['summary', 'problem', 'solution', 'results', 'stage', 'year', 'organization', 'place', 'topics'] as const;

/** A discussion or question; a reply's body is MARKDOWN_MAX and must not be empty. */
export const THREAD_LIMITS = { titleMin: 10, title: 200, markdown: MARKDOWN_MAX, topics: 5 } as const;

/** A staff decision's reason (a role change, a suspension, lifting it), and a suspension's length. */
export const STAFF_LIMITS = { reasonMin: 3, reason: 500, suspensionDays: 3650 } as const;

/** A request to be verified as an expert, and a curator's reason for declining one. */
export const VERIFICATION_LIMITS = { statementMin: 20, statement: 2000, declineReasonMin: 3, decisionReason: 1000 } as const;

/** A curated collection: its title, introduction (markdown), edition label, topics, places, items and each item's note. */
export const COLLECTION_LIMITS = { titleMin: 5, title: 200, intro: 10_000, edition: 60, topics: 5, places: 10, items: 40, note: 600 } as const;

/** The review desk: a comment on a section of a submitted practice; a decision's reason. */
export const REVIEW_LIMITS = { comment: 2000, reasonMin: 3, reason: 2000 } as const;

/** A replication ("we adopted this practice"): what the adopters changed, and what came of it. */
export const REPLICATION_LIMITS = { changesMin: 10, changes: 600, result: 2000 } as const;

/** A flag's note (needed when the reason is "other"); moderators' reasons are STAFF_LIMITS'. */
export const FLAG_LIMITS = { noteMin: 3, note: 500, notesShown: 20 } as const;

/**
 * Private messages: a message's markdown, how many people a conversation holds (the sender
 * included: small groups, not mailing lists), and a report's note to moderators.
 */
export const MESSAGE_LIMITS = { body: 5000, participants: 10, reportNote: 500 } as const;

/**
 * A working group's task and proposal: title, description and progress notes (markdown), a
 * proposal's rationale, a decline's or drop's reason, a linked document's title, links per task.
 */
export const TASK_LIMITS = { titleMin: 5, title: 200, markdown: MARKDOWN_MAX, rationale: 2000, reason: 1000, linkTitle: 200, links: 30 } as const;
