/** Where a person came from: the console for facilitators, their place for everyone else. */
export function homeOf(conveningId: string, role: string): string {
  return role === 'facilitator' || role === 'cofacilitator' ? `/host/${conveningId}` : `/c/${conveningId}`;
}

export const docsHref = (conveningId: string): string => `/notes/${conveningId}`;

export const docHref = (conveningId: string, name: string): string => `/notes/${conveningId}/${encodeURIComponent(name)}`;
