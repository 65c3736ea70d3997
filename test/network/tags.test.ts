// Tags and resource groups through the official SDK (@alicloud/vpc20160428) and @alicloud/pop-core:
// the VPC forms (VPCs, vSwitches, route tables) and the Express Connect forms (router interfaces),
// shown by every Describe action, filtered on, with Alibaba's limits and codes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, type World } from '../helpers/world.js';
import { Vpc, popJson, popError, type PopClient } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';
import { typedCall } from '../helpers/types.js';

let srv: TestServer;
let w: World;
let pop: PopClient;
const REGION = 'cn-shenzhen';

before(async () => {
  ({ srv, w } = await openWorld());
  pop = popJson(srv.port);
});
after(async () => srv.close());

const tagParams = (tags: [string, string][]) =>
  Object.fromEntries(
    tags.flatMap(([k, v], i) => [
      [`Tag.${i + 1}.Key`, k],
      [`Tag.${i + 1}.Value`, v],
    ]),
  );

describe('TagResources, UnTagResources, ListTagResources', () => {
  test('tags on VPCs, vSwitches and route tables; overwrite a key; list by id and by tag; remove', async () => {
    const vpc = await pop.request<{ VpcId: string; RouteTableId: string }>('CreateVpc', { RegionId: REGION, CidrBlock: '10.0.0.0/16' });
    const vsw = await pop.request<{ VSwitchId: string }>('CreateVSwitch', {
      RegionId: REGION,
      VpcId: vpc.VpcId,
      ZoneId: 'cn-shenzhen-a',
      CidrBlock: '10.0.1.0/24',
    });
    await w.client().tagResources(
      new Vpc.TagResourcesRequest({
        regionId: REGION,
        resourceType: 'VPC',
        resourceId: [vpc.VpcId],
        tag: [new Vpc.TagResourcesRequestTag({ key: 'env', value: 'dev' }), new Vpc.TagResourcesRequestTag({ key: 'team', value: 'net' })],
      }),
    );
    await pop.request('TagResources', {
      RegionId: REGION,
      ResourceType: 'vswitch',
      'ResourceId.1': vsw.VSwitchId,
      ...tagParams([['env', 'dev']]),
    });
    await pop.request('TagResources', {
      RegionId: REGION,
      ResourceType: 'ROUTETABLE',
      'ResourceId.1': vpc.RouteTableId,
      ...tagParams([['env', 'prod']]),
    });
    await pop.request('TagResources', {
      RegionId: REGION,
      ResourceType: 'VPC',
      'ResourceId.1': vpc.VpcId,
      ...tagParams([['env', 'test']]),
    });
    const attr = await pop.request<{ Tags: { Tag: { Key: string; Value: string }[] } }>('DescribeVpcAttribute', {
      RegionId: REGION,
      VpcId: vpc.VpcId,
    });
    assert.deepEqual(attr.Tags.Tag, [
      { Key: 'team', Value: 'net' },
      { Key: 'env', Value: 'test' },
    ]);
    const byTag = (await typedCall(srv.port, 'ListTagResources', {
      RegionId: REGION,
      ResourceType: 'VSWITCH',
      ...tagParams([['env', 'dev']]),
    })) as {
      TagResources: { TagResource: { ResourceId: string; ResourceType: string; TagKey: string; TagValue: string }[] };
    };
    assert.deepEqual(byTag.TagResources.TagResource, [
      { ResourceType: 'VSWITCH', ResourceId: vsw.VSwitchId, TagKey: 'env', TagValue: 'dev' },
    ]);
    const byId = await w
      .client()
      .listTagResources(new Vpc.ListTagResourcesRequest({ regionId: REGION, resourceType: 'VPC', resourceId: [vpc.VpcId] }));
    assert.deepEqual(
      byId.body?.tagResources?.tagResource?.map((t) => `${t.tagKey}=${t.tagValue}`),
      ['team=net', 'env=test'],
    );
    const filtered = await pop.request<{ TotalCount: number }>('DescribeRouteTableList', {
      RegionId: REGION,
      ...tagParams([['env', 'prod']]),
    });
    assert.equal(filtered.TotalCount, 1);
    const vpcsByTag = await pop.request<{ TotalCount: number }>('DescribeVpcs', { RegionId: REGION, ...tagParams([['team', 'net']]) });
    assert.equal(vpcsByTag.TotalCount, 1);
    await w
      .client()
      .unTagResources(new Vpc.UnTagResourcesRequest({ regionId: REGION, resourceType: 'VPC', resourceId: [vpc.VpcId], tagKey: ['team'] }));
    await pop.request('UnTagResources', { RegionId: REGION, ResourceType: 'VSWITCH', 'ResourceId.1': vsw.VSwitchId, All: true });
    assert.deepEqual(
      (await pop.request<{ Tags: { Tag: unknown[] } }>('DescribeVpcAttribute', { RegionId: REGION, VpcId: vpc.VpcId })).Tags.Tag,
      [{ Key: 'env', Value: 'test' }],
    );
    assert.deepEqual(
      (await pop.request<{ Tags: { Tag: unknown[] } }>('DescribeVSwitchAttributes', { RegionId: REGION, VSwitchId: vsw.VSwitchId })).Tags
        .Tag,
      [],
    );
  });

  test('limits and bad tags, each with its code', async () => {
    const vpc = await pop.request<{ VpcId: string }>('CreateVpc', { RegionId: REGION, CidrBlock: '10.0.0.0/16' });
    const tag = (extra: Record<string, unknown>) =>
      popError(pop.request('TagResources', { RegionId: REGION, ResourceType: 'VPC', 'ResourceId.1': vpc.VpcId, ...extra }));
    assert.equal((await tag(tagParams([['aliyun-x', 'v']]))).code, 'InvalidTagKey');
    assert.equal((await tag(tagParams([['acs:x', 'v']]))).code, 'InvalidTagKey');
    assert.equal((await tag(tagParams([['k', 'http://x']]))).code, 'InvalidTagValue');
    assert.equal((await tag(tagParams([['k'.repeat(129), 'v']]))).code, 'InvalidTagKey');
    assert.equal(
      (
        await tag(
          tagParams([
            ['k', 'v'],
            ['k', 'w'],
          ]),
        )
      ).code,
      'Forbidden.TagKey.Duplicated',
    );
    assert.equal(
      (await tag(tagParams(Array.from({ length: 21 }, (_, i): [string, string] => [`k${i}`, 'v'])))).code,
      'SizeLimitExceeded.TagNum',
    );
    assert.equal(
      (
        await popError(
          pop.request('TagResources', {
            RegionId: REGION,
            ResourceType: 'VPC',
            'ResourceId.1': 'vpc-wz9nosuch',
            ...tagParams([['k', 'v']]),
          }),
        )
      ).code,
      'InvalidInstanceIds.NotFound',
    );
    assert.equal(
      (
        await popError(
          pop.request('TagResources', { RegionId: REGION, ResourceType: 'EIP', 'ResourceId.1': vpc.VpcId, ...tagParams([['k', 'v']]) }),
        )
      ).code,
      'InvalidInstanceType.NotFound',
    );
    const b = await popError(
      popJson(srv.port, '2016-04-28', ACCOUNTS.b.key).request('TagResources', {
        RegionId: REGION,
        ResourceType: 'VPC',
        'ResourceId.1': vpc.VpcId,
        ...tagParams([['k', 'v']]),
      }),
    );
    assert.equal(b.code, 'InvalidInstanceIds.NotFound');
    for (let i = 0; i < 2; i++)
      await pop.request('TagResources', {
        RegionId: REGION,
        ResourceType: 'VPC',
        'ResourceId.1': vpc.VpcId,
        ...tagParams(Array.from({ length: 10 }, (_, j): [string, string] => [`k${i}-${j}`, 'v'])),
      });
    assert.equal((await tag(tagParams([['one-more', 'v']]))).code, 'QuotaExceeded.TagNum');
    assert.equal(
      (await popError(pop.request('ListTagResources', { RegionId: REGION, ResourceType: 'VPC' }))).code,
      'BothEmpty.TagsAndResources',
    );
  });
});

describe('the Express Connect forms and resource groups', () => {
  test('tags on a router interface show in DescribeRouterInterfaces and DescribeRouterInterfaceAttribute; ChangeResourceGroup moves it', async () => {
    const { ini } = await w.pair({ iniRegion: REGION, accRegion: 'cn-beijing' });
    await w.client().tagResourcesForExpressConnect(
      new Vpc.TagResourcesForExpressConnectRequest({
        regionId: REGION,
        resourceType: 'ROUTERINTERFACE',
        resourceId: [ini.id],
        tag: [new Vpc.TagResourcesForExpressConnectRequestTag({ key: 'link', value: 'hz-bj' })],
      }),
    );
    const attr = await pop.request<{ Tags: { Tags: { Key: string; Value: string }[] }; ResourceGroupId: string }>(
      'DescribeRouterInterfaceAttribute',
      { RegionId: REGION, InstanceId: ini.id },
    );
    assert.deepEqual(attr.Tags.Tags, [{ Key: 'link', Value: 'hz-bj' }]);
    const listed = await pop.request<{ TagResources: { TagResource: { ResourceId: string }[] } }>('ListTagResourcesForExpressConnect', {
      RegionId: REGION,
      ResourceType: 'ROUTERINTERFACE',
      'ResourceId.1': ini.id,
    });
    assert.deepEqual(
      listed.TagResources.TagResource.map((t) => t.ResourceId),
      [ini.id],
    );
    await pop.request('UntagResourcesForExpressConnect', {
      RegionId: REGION,
      ResourceType: 'ROUTERINTERFACE',
      'ResourceId.1': ini.id,
      'TagKey.1': 'link',
    });
    assert.deepEqual((await w.describe(ini))?.tags?.tags ?? [], []);
    await w.client().changeResourceGroup(
      new Vpc.ChangeResourceGroupRequest({
        regionId: REGION,
        resourceType: 'ROUTERINTERFACE',
        resourceId: ini.id,
        newResourceGroupId: 'rg-acfmteamb00001',
      }),
    );
    assert.equal((await w.describe(ini))?.resourceGroupId, 'rg-acfmteamb00001');
    const filtered = await pop.request<{ TotalCount: number }>('DescribeRouterInterfaces', {
      RegionId: REGION,
      ResourceGroupId: 'rg-acfmteamb00001',
    });
    assert.equal(filtered.TotalCount, 1);
    assert.equal(
      (
        await popError(
          pop.request('ChangeResourceGroup', {
            RegionId: REGION,
            ResourceType: 'VPC',
            ResourceId: ini.vpcId,
            NewResourceGroupId: 'rg-acfmteamb00001',
          }),
        )
      ).code,
      'ResourceType.Unknown',
    );
    assert.equal(
      (
        await popError(
          pop.request('ChangeResourceGroup', {
            RegionId: REGION,
            ResourceType: 'ROUTERINTERFACE',
            ResourceId: 'ri-nosuch',
            NewResourceGroupId: 'rg-acfmteamb00001',
          }),
        )
      ).code,
      'InvalidInstanceId.NotFound',
    );
  });

  test('MoveResourceGroup moves a VPC (and only a VPC)', async () => {
    const vpc = await pop.request<{ VpcId: string }>('CreateVpc', { RegionId: REGION, CidrBlock: '10.0.0.0/16' });
    await w.client().moveResourceGroup(
      new Vpc.MoveResourceGroupRequest({
        regionId: REGION,
        resourceType: 'VPC',
        resourceId: vpc.VpcId,
        newResourceGroupId: 'rg-acfmprod000001',
      }),
    );
    assert.equal(
      (await pop.request<{ ResourceGroupId: string }>('DescribeVpcAttribute', { RegionId: REGION, VpcId: vpc.VpcId })).ResourceGroupId,
      'rg-acfmprod000001',
    );
    assert.equal(
      (await pop.request<{ TotalCount: number }>('DescribeVpcs', { RegionId: REGION, ResourceGroupId: 'rg-acfmprod000001' })).TotalCount,
      1,
    );
    // Its system route table follows it (Terraform reads the group back from there).
    const tables = await pop.request<{ RouterTableList: { RouterTableListType: { ResourceGroupId: string }[] } }>(
      'DescribeRouteTableList',
      { RegionId: REGION, VpcId: vpc.VpcId },
    );
    assert.deepEqual(
      tables.RouterTableList.RouterTableListType.map((t) => t.ResourceGroupId),
      ['rg-acfmprod000001'],
    );
    const cases: [Record<string, string>, string][] = [
      [{ ResourceType: 'ROUTERINTERFACE' }, 'IllegalParam.ResourceType'],
      [{ NewResourceGroupId: 'group-1' }, 'InvalidResourceGroupId'],
      [{ ResourceId: 'vpc-wz9nosuch' }, 'InvalidResourceId.NotFound'],
    ];
    for (const [params, code] of cases) {
      assert.equal(
        (
          await popError(
            pop.request('MoveResourceGroup', {
              RegionId: REGION,
              ResourceType: 'Vpc',
              ResourceId: vpc.VpcId,
              NewResourceGroupId: 'rg-acfmprod000001',
              ...params,
            }),
          )
        ).code,
        code,
      );
    }
  });
});
