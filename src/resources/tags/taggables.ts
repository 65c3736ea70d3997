// Which resources the two families of tag actions reach, by ResourceType.
import type { Taggable } from '../shared/taggable.js';
import { ROUTE_TABLE_TAGGABLE, VPC_TAGGABLE } from '../vpc/queries.js';
import { VSWITCH_TAGGABLE } from '../vswitch/queries.js';
import { RI_TAGGABLE } from '../router-interface/queries.js';
import { EC_TAGGABLES } from '../express-connect/queries.js';

/** TagResources, UnTagResources, ListTagResources (Alibaba's list has more types, none of which LocalVPC has). */
export const VPC_TAGGABLES: readonly Taggable[] = [VPC_TAGGABLE, VSWITCH_TAGGABLE, ROUTE_TABLE_TAGGABLE];

/** The *ForExpressConnect forms. */
export const EXPRESS_CONNECT_TAGGABLES: readonly Taggable[] = [RI_TAGGABLE, ...EC_TAGGABLES];
