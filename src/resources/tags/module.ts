// Tags and resource groups across the resources that carry them: the VPC family (VPCs, vSwitches,
// route tables) and the Express Connect family (router interfaces, VBRs, physical connections).
// Known gaps: no resource directory behind resource group ids; VRouters are not a tag resource
// type in Alibaba's metadata, so they carry no tags here either.
import { defineModule } from '../../engine/module.js';
import {
  listTagResources,
  listTagResourcesForExpressConnect,
  tagResources,
  tagResourcesForExpressConnect,
  unTagResources,
  untagResourcesForExpressConnect,
} from './tag-actions.js';
import { changeResourceGroup, moveResourceGroup } from './resource-groups.js';

export const tagsModule = defineModule({
  name: 'tags',
  actions: [
    tagResources,
    unTagResources,
    listTagResources,
    tagResourcesForExpressConnect,
    untagResourcesForExpressConnect,
    listTagResourcesForExpressConnect,
    moveResourceGroup,
    changeResourceGroup,
  ],
  resourceKeys: ['ResourceId'],
});
