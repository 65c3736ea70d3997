// The Express Connect module's transitions: a new physical connection is Initial, then Enabled by
// itself (the real service needs carrier work, an approval and a payment: days, compressed to a
// minute under the realistic profile).
import { transitionKinds } from '../../engine/transition-policy.js';
import { simpleSettler } from '../../engine/simple-settler.js';
import { PHYSICAL_CONNECTIONS } from './storage.js';

export const EC_TRANSITIONS = transitionKinds('PhysicalConnection', { enable: 60_000 });

export const physicalConnectionSettler = simpleSettler('PhysicalConnection', PHYSICAL_CONNECTIONS, (pc, at) => ({ ...pc, enabledAt: at }));
