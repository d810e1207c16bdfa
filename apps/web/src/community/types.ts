import type { CommunityHome } from '@brave/protocol';
import type { Caller } from './api.ts';

/** What every panel of the community home receives. */
export interface HomeProps {
  home: CommunityHome;
  caller: Caller;
  /** Fetch the home again after a change (never throws). */
  reload: () => Promise<void>;
}

export const isFacilitator = (home: CommunityHome): boolean => home.viewer.kind === 'facilitator';
