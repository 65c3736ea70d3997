// Resources that carry tags and a resource group, as the tag and resource-group actions see them.
// A module that owns such a table exports `taggable('VPC', VPCS)` from its queries.ts; the tags
// module lists those descriptors, so the dependency shows in its imports. Tags are kept on the
// resource's own row as JSON (`[{"Key":"k","Value":"v"}]`), the resource group as its id.
import type { TableDef, Tx } from '../../store/port.js';
import { parseTags } from './validation.js';

/** The columns a taggable row has. */
export interface TaggableRow {
  id: string;
  accountId: string;
  regionId: string;
  tags: string;
  resourceGroupId: string;
  createdAt: number;
}

/** What the tag actions need to know of one resource. */
export interface TaggedResource {
  id: string;
  accountId: string;
  regionId: string;
  tags: { Key: string; Value: string }[];
  resourceGroupId: string;
}

/** One taggable resource type, with its row type hidden. */
export interface Taggable {
  /** The ResourceType the actions name it by, upper case (matched case-insensitively). */
  readonly type: string;
  get(tx: Tx, id: string): Promise<TaggedResource | undefined>;
  /** The account's resources of this type in a region (ListTagResources by tag). */
  list(tx: Tx, accountId: string, regionId: string): Promise<TaggedResource[]>;
  setTags(tx: Tx, id: string, tags: { Key: string; Value: string }[]): Promise<void>;
  setResourceGroup(tx: Tx, id: string, resourceGroupId: string): Promise<void>;
}

function view(r: TaggableRow): TaggedResource {
  return { id: r.id, accountId: r.accountId, regionId: r.regionId, tags: parseTags(r.tags), resourceGroupId: r.resourceGroupId };
}

/** `followers`: what else moves with a resource's group (a VPC's route tables follow it). */
export function taggable<T extends TaggableRow>(
  type: string,
  table: TableDef<T>,
  followers?: (tx: Tx, id: string, resourceGroupId: string) => Promise<void>,
): Taggable {
  return {
    type,
    async get(tx, id) {
      const row = await tx.repo(table).get(id);
      return row ? view(row) : undefined;
    },
    async list(tx, accountId, regionId) {
      // T extends TaggableRow, so these are columns of T (TypeScript cannot map over a generic T).
      const where = { accountId, regionId } as Partial<T>;
      const rows = await tx.repo(table).find(where, { orderBy: ['createdAt', 'id'] });
      return rows.map(view);
    },
    async setTags(tx, id, tags) {
      const repo = tx.repo(table);
      const row = await repo.get(id);
      if (row) await repo.update({ ...row, tags: JSON.stringify(tags) });
    },
    async setResourceGroup(tx, id, resourceGroupId) {
      const repo = tx.repo(table);
      const row = await repo.get(id);
      if (row) await repo.update({ ...row, resourceGroupId });
      if (row && followers) await followers(tx, id, resourceGroupId);
    },
  };
}
