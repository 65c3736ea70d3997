// The package's programmatic API: `import { startLocalVpc } from 'localvpc'`. Everything exported
// here is public and typed (dist/types); the rest of the package is internal.
export { startLocalVpc, type LocalVpc, type LocalVpcOptions, type Credentials } from './start.js';
export {
  AdminClient,
  AdminApiError,
  type AccessKeyPair,
  type AccountView,
  type ClockView,
  type FaultEffect,
  type FaultRule,
  type FaultSpec,
  type JournalEvent,
  type JournalFilter,
  type NewAccount,
  type PendingTransition,
  type Profile,
  type Resource,
  type ResourceFilter,
  type ResourceType,
  type Site,
  type TransitionsView,
} from './admin-client.js';
export { clientEnv, terraformBlock, type ClientSettings } from '../app/client-settings.js';
