export * from './access.ts';
export * from './export.ts';
export * from './home.ts';
export * from './ics.ts';
export * from './retention.ts';
