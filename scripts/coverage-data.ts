// Which actions each Terraform resource and data source of the VPC / Express Connect area calls,
// from the coverage table of /work/notes/terraform-replay.md §8 (terraform-provider-alicloud
// 1.289.0, traced through each resource file, its service methods and build helpers; the ten
// resources of §4 checked by hand). scripts/gen-coverage.ts renders it into docs/coverage.md
// against the registry. "Always": the calls of a plain create -> refresh -> destroy with the common
// arguments; "conditional": those only some arguments or updates reach.

/** The product and API version an action is sent to (Vpc 2016-04-28 unless said). */
export interface ApiVersion {
  product: 'Vpc' | 'Ecs' | 'Sts' | 'BssOpenApi' | 'ExpressConnectRouter';
  version: string;
}

export const VPC: ApiVersion = { product: 'Vpc', version: '2016-04-28' };
export const ECS: ApiVersion = { product: 'Ecs', version: '2014-05-26' };
export const STS: ApiVersion = { product: 'Sts', version: '2015-04-01' };
export const BSS: ApiVersion = { product: 'BssOpenApi', version: '2017-12-14' };
export const ECR: ApiVersion = { product: 'ExpressConnectRouter', version: '2023-09-01' };

export interface ActionRef {
  action: string;
  api: ApiVersion;
  /** Sent by the old Go SDK (every parameter in the query) rather than tea-rpc. */
  oldSdk?: boolean;
}

export interface TerraformEntry {
  kind: 'resource' | 'data source';
  name: string;
  always: ActionRef[];
  conditional: ActionRef[];
  note?: string;
}

const vpc = (...actions: string[]): ActionRef[] => actions.map((action) => ({ action, api: VPC }));
const sdk = (...actions: string[]): ActionRef[] => actions.map((action) => ({ action, api: VPC, oldSdk: true }));
const ecsSdk = (...actions: string[]): ActionRef[] => actions.map((action) => ({ action, api: ECS, oldSdk: true }));
const stsSdk = (...actions: string[]): ActionRef[] => actions.map((action) => ({ action, api: STS, oldSdk: true }));
const bss = (...actions: string[]): ActionRef[] => actions.map((action) => ({ action, api: BSS }));
const ecr = (...actions: string[]): ActionRef[] => actions.map((action) => ({ action, api: ECR }));

const resource = (name: string, always: ActionRef[], conditional: ActionRef[] = [], note?: string): TerraformEntry => ({
  kind: 'resource',
  name,
  always,
  conditional,
  ...(note ? { note } : {}),
});
const data = (name: string, always: ActionRef[], conditional: ActionRef[] = [], note?: string): TerraformEntry => ({
  kind: 'data source',
  name,
  always,
  conditional,
  ...(note ? { note } : {}),
});

export const TERRAFORM: readonly TerraformEntry[] = [
  resource(
    'alicloud_vpc',
    vpc('CreateVpc', 'DescribeVpcAttribute', 'DescribeRouteTableList', 'DeleteVpc'),
    vpc(
      'CreateDefaultVpc',
      'ModifyVpcAttribute',
      'MoveResourceGroup',
      'ModifyRouteTableAttributes',
      'AssociateVpcCidrBlock',
      'UnassociateVpcCidrBlock',
      'EnableVpcClassicLink',
      'DisableVpcClassicLink',
      'TagResources',
      'UnTagResources',
    ),
  ),
  resource(
    'alicloud_vswitch',
    vpc('CreateVSwitch', 'DescribeVSwitchAttributes', 'DeleteVSwitch'),
    vpc('CreateDefaultVSwitch', 'ModifyVSwitchAttribute', 'TagResources', 'UnTagResources'),
  ),
  resource(
    'alicloud_route_table',
    vpc('CreateRouteTable', 'DescribeRouteTableList', 'DeleteRouteTable'),
    vpc('ModifyRouteTableAttributes', 'TagResources', 'UnTagResources'),
  ),
  resource('alicloud_route_table_attachment', vpc('AssociateRouteTable', 'DescribeRouteTableList', 'UnassociateRouteTable')),
  resource('alicloud_route_entry', sdk('DescribeRouteTables', 'CreateRouteEntry', 'DeleteRouteEntry')),
  resource(
    'alicloud_vpc_route_entry',
    vpc('CreateRouteEntry', 'DescribeRouteEntryList', 'ListVpcPublishedRouteEntries', 'DeleteRouteEntry'),
    vpc('ModifyRouteEntry', 'PublishVpcRouteEntries', 'WithdrawVpcPublishedRouteEntries'),
  ),
  resource(
    'alicloud_router_interface',
    [...ecsSdk('DescribeRegions'), ...sdk('CreateRouterInterface', 'DescribeRouterInterfaces', 'DeleteRouterInterface')],
    sdk('DescribeVirtualBorderRouters', 'ModifyRouterInterfaceAttribute', 'ModifyRouterInterfaceSpec', 'DeactivateRouterInterface'),
  ),
  resource(
    'alicloud_router_interface_connection',
    sdk('DescribeRouterInterfaces', 'ModifyRouterInterfaceAttribute'),
    [...sdk('ConnectRouterInterface', 'ActivateRouterInterface', 'DeactivateRouterInterface'), ...stsSdk('GetCallerIdentity')],
    'GetCallerIdentity only without `account_id` and `opposite_interface_owner_id`.',
  ),
  resource(
    'alicloud_express_connect_router_interface',
    vpc('CreateRouterInterface', 'DescribeRouterInterfaceAttribute', 'DeleteRouterInterface'),
    [
      ...vpc('DeleteExpressConnect'),
      ...bss('RefundInstance'),
      ...vpc(
        'ActivateRouterInterface',
        'DeactivateRouterInterface',
        'ModifyRouterInterfaceAttribute',
        'ModifyRouterInterfaceSpec',
        'ChangeResourceGroup',
        'TagResourcesForExpressConnect',
        'UntagResourcesForExpressConnect',
      ),
    ],
    'DeleteExpressConnect for `fast_link_mode`; BssOpenApi RefundInstance to delete a Subscription interface.',
  ),
  resource(
    'alicloud_express_connect_virtual_border_router',
    vpc('CreateVirtualBorderRouter', 'DescribeVirtualBorderRouters', 'DeleteVirtualBorderRouter'),
    vpc(
      'ModifyVirtualBorderRouterAttribute',
      'TerminateVirtualBorderRouter',
      'RecoverVirtualBorderRouter',
      'ChangeResourceGroup',
      'TagResourcesForExpressConnect',
      'UntagResourcesForExpressConnect',
    ),
  ),
  resource(
    'alicloud_express_connect_physical_connection',
    vpc('CreatePhysicalConnection', 'DescribePhysicalConnections', 'DeletePhysicalConnection'),
    vpc(
      'ModifyPhysicalConnectionAttribute',
      'ConfirmPhysicalConnection',
      'CreatePhysicalConnectionOccupancyOrder',
      'CancelPhysicalConnection',
      'TerminatePhysicalConnection',
    ),
    'Create waits for `Allocated`; the `status` argument drives Confirm / CreatePhysicalConnectionOccupancyOrder / Cancel / Terminate.',
  ),
  resource(
    'alicloud_express_connect_vbr_pconn_association',
    vpc(
      'AssociatePhysicalConnectionToVirtualBorderRouter',
      'DescribeVirtualBorderRouters',
      'UnassociatePhysicalConnectionFromVirtualBorderRouter',
    ),
  ),
  resource(
    'alicloud_express_connect_virtual_physical_connection',
    vpc('CreateVirtualPhysicalConnection', 'ListVirtualPhysicalConnections', 'DeletePhysicalConnection'),
    vpc('UpdateVirtualPhysicalConnection'),
  ),
  resource('alicloud_express_connect_grant_rule_to_cen', vpc('GrantInstanceToCen', 'DescribeGrantRulesToCen', 'RevokeInstanceFromCen')),
  resource(
    'alicloud_express_connect_ec_failover_test_job',
    vpc('CreateFailoverTestJob', 'DescribeFailoverTestJob', 'DeleteFailoverTestJob'),
    vpc('UpdateFailoverTestJob', 'StartFailoverTestJob', 'StopFailoverTestJob'),
  ),
  resource(
    'alicloud_express_connect_traffic_qos',
    vpc(
      'CreateExpressConnectTrafficQos',
      'DescribeExpressConnectTrafficQos',
      'DeleteExpressConnectTrafficQos',
      'CreateExpressConnectTrafficQosQueue',
      'DescribeExpressConnectTrafficQosQueue',
      'DeleteExpressConnectTrafficQosQueue',
      'CreateExpressConnectTrafficQosRule',
      'DescribeExpressConnectTrafficQosRule',
      'DeleteExpressConnectTrafficQosRule',
    ),
    vpc(
      'ModifyExpressConnectTrafficQos',
      'ModifyExpressConnectTrafficQosQueue',
      'ModifyExpressConnectTrafficQosRule',
      'ChangeResourceGroup',
      'TagResourcesForExpressConnect',
      'UntagResourcesForExpressConnect',
    ),
    'With `_queue`, `_rule` and `_association`, counted together.',
  ),
  resource('alicloud_vpc_vbr_ha', vpc('CreateVbrHa', 'DescribeVbrHa', 'DeleteVbrHa')),
  resource('alicloud_vpc_bgp_group', vpc('CreateBgpGroup', 'DescribeBgpGroups', 'DeleteBgpGroup'), vpc('ModifyBgpGroupAttribute')),
  resource('alicloud_vpc_bgp_peer', vpc('CreateBgpPeer', 'DescribeBgpPeers', 'DeleteBgpPeer'), vpc('ModifyBgpPeerAttribute')),
  resource('alicloud_vpc_bgp_network', vpc('AddBgpNetwork', 'DescribeBgpNetworks', 'DeleteBgpNetwork')),
  resource('alicloud_vpc_ipv4_cidr_block', vpc('AssociateVpcCidrBlock', 'DescribeVpcs', 'UnassociateVpcCidrBlock')),
  resource('alicloud_vpc_ipv6_cidr_block', vpc('AssociateVpcCidrBlock', 'DescribeVpcAttribute', 'UnassociateVpcCidrBlock')),
  resource(
    'alicloud_vpc_gateway_route_table_attachment',
    vpc('AssociateRouteTableWithGateway', 'GetIpv4GatewayAttribute', 'DissociateRouteTableFromGateway'),
  ),
  resource(
    'alicloud_express_connect_router_*',
    ecr(
      'CreateExpressConnectRouter',
      'DescribeExpressConnectRouter',
      'DeleteExpressConnectRouter',
      'DescribeExpressConnectRouterRegion',
      'DescribeInstanceGrantedToExpressConnectRouter',
      'DescribeExpressConnectRouterInterRegionTransitMode',
      'CreateExpressConnectRouterAssociation',
      'DescribeExpressConnectRouterAssociation',
      'DeleteExpressConnectRouterAssociation',
      'AttachExpressConnectRouterChildInstance',
      'DescribeExpressConnectRouterChildInstance',
      'DetachExpressConnectRouterChildInstance',
      'GrantInstanceToExpressConnectRouter',
      'RevokeInstanceFromExpressConnectRouter',
    ),
    ecr(
      'ModifyExpressConnectRouter',
      'ModifyExpressConnectRouterInterRegionTransitMode',
      'ModifyExpressConnectRouterAssociationAllowedPrefix',
      'ModifyExpressConnectRouterChildInstance',
      'EnableExpressConnectRouterRouteEntries',
      'DisableExpressConnectRouterRouteEntries',
      'MoveResourceGroup',
      'TagResources',
      'UntagResources',
    ),
    'The ExpressConnectRouter (ECR) resources, counted together; their endpoint is set with ALIBABA_CLOUD_ENDPOINT_EXPRESSCONNECTROUTER.',
  ),
  data('alicloud_vpcs', vpc('DescribeVpcs'), vpc('DescribeRouteTableList'), 'DescribeRouteTableList with `enable_details`.'),
  data('alicloud_vswitches', vpc('DescribeVSwitches')),
  data('alicloud_route_tables', vpc('DescribeRouteTableList')),
  data('alicloud_route_entries', sdk('DescribeRouteTables')),
  data('alicloud_router_interfaces', sdk('DescribeRouterInterfaces')),
  data('alicloud_express_connect_router_interfaces', vpc('DescribeRouterInterfaces')),
  data('alicloud_express_connect_virtual_border_routers', vpc('DescribeVirtualBorderRouters')),
  data('alicloud_express_connect_vbr_pconn_associations', vpc('DescribeVirtualBorderRouters')),
  data('alicloud_express_connect_physical_connections', vpc('DescribePhysicalConnections')),
  data('alicloud_express_connect_access_points', vpc('DescribeAccessPoints')),
  data('alicloud_express_connect_physical_connection_service', vpc('OpenPhysicalConnectionService')),
  data('alicloud_express_connect_grant_rule_to_cens', vpc('DescribeGrantRulesToCen')),
  data('alicloud_express_connect_virtual_physical_connections', vpc('ListVirtualPhysicalConnections')),
  data('alicloud_vpc_bgp_groups', vpc('DescribeBgpGroups')),
  data('alicloud_vpc_bgp_peers', vpc('DescribeBgpPeers')),
  data('alicloud_vpc_bgp_networks', vpc('DescribeBgpNetworks')),
  data(
    'alicloud_zones',
    ecsSdk('DescribeAvailableResource', 'DescribeZones'),
    sdk('DescribeVSwitchAttributes'),
    'ECS answers (zones with instance types and disk categories); `available_resource_creation` also calls other products. DescribeVSwitchAttributes with `vswitch_id`.',
  ),
];
