import pg from 'pg';

/** Which one process does a piece of scheduled work when several share the database. */
export interface Leadership {
  /** Whether this process leads now, taking the lead if nobody holds it. Rejects when the database does not answer. */
  holds(): Promise<boolean>;
  release(): Promise<void>;
}

/** SQLite: one process owns the file, so it always leads. */
export const soleLeadership = (): Leadership => ({ holds: async () => true, release: async () => {} });

/**
 * PostgreSQL: a session advisory lock held on a connection of its own. If that connection (or the process) dies,
 * PostgreSQL releases the lock and the next instance to ask takes the lead.
 */
export const advisoryLockLeadership = (url: string, name: string): Leadership => {
  let client: pg.Client | undefined;
  let leading = false;
  const forget = (): void => {
    void client?.end().catch(() => undefined);
    client = undefined;
    leading = false;
  };
  const connection = async (): Promise<pg.Client> => {
    if (client) return client;
    const opened = new pg.Client({ connectionString: url });
    opened.on('error', forget);
    client = opened;
    await opened.connect();
    return opened;
  };
  return {
    async holds() {
      try {
        const session = await connection();
        // The lock lives as long as the session: a query that still answers proves it is still ours.
        if (leading) return (await session.query('select 1')).rowCount === 1;
        const { rows } = await session.query<{ locked: boolean }>("select pg_try_advisory_lock(hashtext('whats-palmas:' || $1::text)) as locked", [name]);
        leading = rows[0]?.locked === true;
        return leading;
      } catch (error) {
        forget();
        throw error;
      }
    },
    async release() {
      const session = client;
      client = undefined;
      leading = false;
      await session?.end().catch(() => undefined);
    },
  };
};
