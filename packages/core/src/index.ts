export * from './result.ts';
export * from './state.ts';
export * from './policy.ts';
export * from './agreements.ts';
export * from './signals.ts';
export * from './reminders.ts';
export * from './decide.ts';
export * from './codes.ts';
