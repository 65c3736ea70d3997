// STS: the caller's identity, on the same endpoint as the VPC API.
import { defineModule } from '../../engine/module.js';
import { getCallerIdentity } from './get-caller-identity.js';

export const stsModule = defineModule({ name: 'sts', actions: [getCallerIdentity] });
