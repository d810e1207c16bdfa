export * from './languages.ts';
export * from './format.ts';
export { resources, NAMESPACES, type Catalogue, type Namespace } from './resources.ts';
export { createI18n, createTranslator, type Translate } from './instance.ts';
export type {} from './types.ts';
