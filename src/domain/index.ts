export * from './standards/index.ts';
export * from './classification/index.ts';
export * from './mpi/index.ts';
