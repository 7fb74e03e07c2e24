// The public API of the pure core.
export * from './types';
export * from './document';
export * from './numbers';
export * from './engine';
export * from './packs';
export { detectDocType } from './template-match';
export { inferDocumentDate } from './docdate';
export type { DocDate } from './docdate';
