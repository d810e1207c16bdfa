export { api, ApiRequestError } from './http.ts';
export { LiveClient, type ConnectionStatus, type LiveClientOptions } from './live.ts';
export { accounts } from './accounts.ts';
export { communities } from './community.ts';
export { CommunityDoorbell, type CommunityDoorbellOptions } from './doorbell.ts';
export { hub } from './hub.ts';
