export * from './names.ts';
export * from './access.ts';
