export * from './names.ts';
export * from './access.ts';
export * from './community.ts';
export * from './presence.ts';
