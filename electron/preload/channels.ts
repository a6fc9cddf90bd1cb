import type { MethodName } from '../../shared/api/contract';

/**
 * The IPC channel of one contract method. Shared by the preload (which invokes it) and the main
 * process (which handles it), so the two sides cannot drift apart.
 */
export const IPC_PREFIX = 'attk:';

export const channelFor = (method: MethodName): `attk:${MethodName}` => `${IPC_PREFIX}${method}`;
