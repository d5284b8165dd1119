import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresDatabase, postgresUrl, type TestDatabase } from '../../test/support/databases.js';
import { openStorage, type Storage } from './database.js';

describe.skipIf(!postgresUrl)('prepared statements on PostgreSQL', () => {
  let database: TestDatabase;
  let storage: Storage;
  afterEach(async () => {
    await storage.close();
    await database.drop();
  });

  const start = async () => {
    database = await postgresDatabase();
    // One connection, so the statements below all see the same session's prepared statements.
    storage = openStorage(database.url, { poolSize: 1 });
    await sql`create table things (id int primary key, label text)`.execute(storage.db);
    await sql`insert into things values (1, 'poste')`.execute(storage.db);
  };
  const byId = (id: number) => sql<Record<string, unknown>>`select * from things where id = ${id}`.execute(storage.db).then((r) => r.rows);
  const alter = async (statement: string) => {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    await other.query(statement);
    await other.end();
  };

  it('prepares a parameterised statement once per connection and reuses it', async () => {
    await start();
    expect(await byId(1)).toEqual([{ id: 1, label: 'poste' }]);
    expect(await byId(2)).toEqual([]);
    const prepared = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(storage.db);
    expect(prepared.rows).toEqual([{ name: expect.stringMatching(/^wp_\d+$/), statement: 'select * from things where id = $1' }]);
  });

  it('answers with the new columns after another instance changed the table, retrying outside a transaction', async () => {
    await start();
    expect(await byId(1)).toEqual([{ id: 1, label: 'poste' }]);
    await alter(`alter table things add column zone text not null default 'sul'`);
    expect(await byId(1)).toEqual([{ id: 1, label: 'poste', zone: 'sul' }]);
  });

  it('fails a transaction that met a changed table once, and runs the statement afresh after', async () => {
    await start();
    expect(await byId(1)).toHaveLength(1);
    await alter(`alter table things add column zone text not null default 'sul'`);
    const inTransaction = storage.db.transaction().execute((tx) => sql`select * from things where id = ${1}`.execute(tx));
    await expect(inTransaction).rejects.toThrow(/cached plan/);
    expect(await storage.db.transaction().execute((tx) => sql`select * from things where id = ${1}`.execute(tx).then((r) => r.rows))).toEqual([{ id: 1, label: 'poste', zone: 'sul' }]);
  });
});
