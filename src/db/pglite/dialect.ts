/** Kysely dialect for PGlite running in a worker thread (see client.ts). */
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { PgliteWorkerClient } from './client.ts';

class PgliteConnection implements DatabaseConnection {
  constructor(private client: PgliteWorkerClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const params = compiled.parameters as unknown[];
    const res =
      params.length === 0
        ? await this.client.send({ op: 'exec', sql: compiled.sql })
        : await this.client.send({ op: 'query', sql: compiled.sql, params });
    const affected = res.affectedRows === undefined ? undefined : BigInt(res.affectedRows);
    return { rows: res.rows as R[], numAffectedRows: affected };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite; page with keyset queries instead');
  }
}

class PgliteDriver implements Driver {
  private connection: PgliteConnection;
  constructor(private client: PgliteWorkerClient) {
    this.connection = new PgliteConnection(client);
  }
  async init(): Promise<void> {
    await this.client.waitReady();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.client.acquire();
    return this.connection;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${iso}`));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    this.client.release();
  }
  async destroy(): Promise<void> {
    await this.client.close();
  }
}

export class PgliteWorkerDialect implements Dialect {
  constructor(private client: PgliteWorkerClient) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.client);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
