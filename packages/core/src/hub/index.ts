export * from './access.ts';
export * from './digest.ts';
