import { query, revalidate } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { mutate, type Outcome } from '../../lib/form.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { SEARCH_LIMITS } from '../../../../schema/field-limits.ts';
import { getCollection, getCollections } from './collection.api.ts';

/* The curators' side of collections: every state listed, one collection as the editor holds it, and each write. */

export { collectionEditorHref } from './collection.api.ts';

/** The API's page limit: a ministry keeps a few dozen collections in each state. */
const LIST_SIZE = 50;

const AdminCollectionRow = graphql(`
  fragment AdminCollectionRow on Collection @_unmask { id slug title edition status updatedAt items { id shownToPublic } }
`);

const AdminCollectionsQuery = graphql(
  `
  query AdminCollections($first: Int!) {
    draft: collections(status: DRAFT, first: $first) { edges { node { ...AdminCollectionRow } } }
    published: collections(status: PUBLISHED, first: $first) { edges { node { ...AdminCollectionRow } } }
    archived: collections(status: ARCHIVED, first: $first) { edges { node { ...AdminCollectionRow } } }
  }
`,
  [AdminCollectionRow],
);

type AdminCollections = ResultOf<typeof AdminCollectionsQuery>;
export type AdminCollectionRow = AdminCollections['draft']['edges'][number]['node'];

/** Every collection, grouped by state, newest first in each (curators and admins). */
export const getAdminCollections = query(async () => {
  const answer: AdminCollections = await request(AdminCollectionsQuery, { first: LIST_SIZE });
  const nodes = (group: AdminCollections['draft']) => group.edges.map((edge) => edge.node);
  return { draft: nodes(answer.draft), published: nodes(answer.published), archived: nodes(answer.archived) };
}, 'adminCollections');

/** What the editor holds of a collection; every write answers with the same, so the page follows the server. */
const EditedCollectionFields = graphql(`
  fragment EditedCollectionFields on Collection @_unmask {
    id slug title intro edition status version publishedAt updatedAt
    topics { slug }
    places { code }
    items {
      id note shownToPublic
      practice { id title status organization { name shortName } place { name } }
    }
  }
`);

export type EditedCollection = ResultOf<typeof EditedCollectionFields>;
export type EditedItem = EditedCollection['items'][number];

const EditedCollectionQuery = graphql(
  `
  query EditedCollection($slug: String!) {
    collection(slug: $slug) { ...EditedCollectionFields }
  }
`,
  [EditedCollectionFields],
);

/** One collection in any state for its editor, or null when there is none (or the address cannot be one). */
export const loadEditedCollection = (slug: string): Promise<EditedCollection | null> => orNull(async () => (await request(EditedCollectionQuery, { slug })).collection, isMissing('slug'));

export const getEditedCollection = query(loadEditedCollection, 'editedCollection');

const PracticeChoicesQuery = graphql(`
  query PracticeChoices($query: String!) {
    practices(filter: { query: $query }, first: 8) {
      edges { node { id title organization { name shortName } place { name } } }
    }
  }
`);

export type PracticeChoice = ResultOf<typeof PracticeChoicesQuery>['practices']['edges'][number]['node'];

/** Published practices matching the words typed, best first: what a curator may add. */
export async function searchPublishedPractices(text: string, signal: AbortSignal): Promise<PracticeChoice[]> {
  const answer = await request(PracticeChoicesQuery, { query: text.slice(0, SEARCH_LIMITS.text) }, { signal });
  return answer.practices.edges.map((edge) => edge.node);
}

/* ---------- Writes: each answers with the collection as it now is ---------- */

const CreateCollection = graphql(
  `
  mutation CreateCollection($input: CreateCollectionInput!) {
    createCollection(input: $input) { __typename ... on CreateCollectionPayload { collection { id slug } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

const UpdateCollection = graphql(
  `
  mutation UpdateCollection($input: UpdateCollectionInput!) {
    updateCollection(input: $input) { __typename ... on UpdateCollectionPayload { collection { ...EditedCollectionFields } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields, EditedCollectionFields],
);

const AddItem = graphql(
  `
  mutation AddCollectionItem($input: AddCollectionItemInput!) {
    addCollectionItem(input: $input) { __typename ... on AddCollectionItemPayload { collection { ...EditedCollectionFields } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields, EditedCollectionFields],
);

const UpdateItem = graphql(
  `
  mutation UpdateCollectionItem($input: UpdateCollectionItemInput!) {
    updateCollectionItem(input: $input) { __typename ... on UpdateCollectionItemPayload { collection { ...EditedCollectionFields } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields, EditedCollectionFields],
);

const RemoveItem = graphql(
  `
  mutation RemoveCollectionItem($input: RemoveCollectionItemInput!) {
    removeCollectionItem(input: $input) { __typename ... on RemoveCollectionItemPayload { collection { ...EditedCollectionFields } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields, EditedCollectionFields],
);

const ReorderItems = graphql(
  `
  mutation ReorderCollectionItems($input: ReorderCollectionItemsInput!) {
    reorderCollectionItems(input: $input) { __typename ... on ReorderCollectionItemsPayload { collection { ...EditedCollectionFields } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields, EditedCollectionFields],
);

const PublishCollection = graphql(
  `
  mutation PublishCollection($input: PublishCollectionInput!) {
    publishCollection(input: $input) { __typename ... on PublishCollectionPayload { collection { ...EditedCollectionFields } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields, EditedCollectionFields],
);

const ArchiveCollection = graphql(
  `
  mutation ArchiveCollection($input: ArchiveCollectionInput!) {
    archiveCollection(input: $input) { __typename ... on ArchiveCollectionPayload { collection { ...EditedCollectionFields } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields, EditedCollectionFields],
);

/** The lists and public pages read collections again when next shown; the editor keeps its own copy. */
const refreshReaders = <T>(outcome: Outcome<T>): Outcome<T> => {
  if (outcome.ok) void revalidate([getAdminCollections.key, getEditedCollection.key, getCollections.key, getCollection.key], true);
  return outcome;
};

const collectionOf = <T extends { collection: EditedCollection }>(outcome: Outcome<T>): Outcome<EditedCollection> => refreshReaders(outcome.ok ? { ok: true, data: outcome.data.collection } : outcome);

export interface CollectionDetails {
  title: string;
  intro: string;
  edition: string;
  topics: string[];
  places: string[];
}

export const createCollection = async (input: { title: string; slug?: string }) => refreshReaders(await mutate(CreateCollection, { input }, 'createCollection', 'CreateCollectionPayload'));

/** Saves the details if the collection is still at `version`; CONFLICT otherwise, and nothing changes. */
export const updateCollection = async (id: string, version: number, details: CollectionDetails) =>
  collectionOf(await mutate(UpdateCollection, { input: { id, version, ...details } }, 'updateCollection', 'UpdateCollectionPayload'));

export const addCollectionItem = async (collectionId: string, practiceId: string, note: string) =>
  collectionOf(await mutate(AddItem, { input: { collectionId, practiceId, note } }, 'addCollectionItem', 'AddCollectionItemPayload'));

/** Saves a note if the collection is still at `version` (the one the editor last had): another curator's change in between answers CONFLICT. */
export const updateCollectionItem = async (collectionId: string, itemId: string, note: string, version: number) =>
  collectionOf(await mutate(UpdateItem, { input: { collectionId, itemId, note, version } }, 'updateCollectionItem', 'UpdateCollectionItemPayload'));

export const removeCollectionItem = async (collectionId: string, itemId: string) =>
  collectionOf(await mutate(RemoveItem, { input: { collectionId, itemId } }, 'removeCollectionItem', 'RemoveCollectionItemPayload'));

export const reorderCollectionItems = async (collectionId: string, itemIds: string[]) =>
  collectionOf(await mutate(ReorderItems, { input: { collectionId, itemIds } }, 'reorderCollectionItems', 'ReorderCollectionItemsPayload'));

export const publishCollection = async (id: string) => collectionOf(await mutate(PublishCollection, { input: { id } }, 'publishCollection', 'PublishCollectionPayload'));

export const archiveCollection = async (id: string) => collectionOf(await mutate(ArchiveCollection, { input: { id } }, 'archiveCollection', 'ArchiveCollectionPayload'));
