export * from './standards/index.ts';
export * from './classification/index.ts';
