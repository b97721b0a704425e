// Kysely driver for PGlite 0.5. Kysely's own PGliteDialect ships only in 0.29+, which needs Node 22;
// the community dialect pins PGlite <= 0.4. PGlite has a single connection, so connections are
// handed out one at a time through a promise queue: a transaction owns the database until it ends.
import { type PGlite, parse, protocol } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";

const { serialize } = protocol;
type BackendMessages = Awaited<ReturnType<PGlite["execProtocolStream"]>>;

class PGliteConnection implements DatabaseConnection {
  /** Statements prepared on this database (see PREPARE in connect.ts): name and parameter types. */
  private readonly prepared = new Map<string, { name: string; types: number[] }>();

  constructor(
    private readonly pg: PGlite,
    private readonly nameToPrepare: (text: string) => string | undefined,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const name = query.parameters.length ? this.nameToPrepare(query.sql) : undefined;
    if (name) {
      const result = await this.runPrepared<R>(name, query.sql, query.parameters);
      return { rows: result.rows, numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows) };
    }
    // Parameterless text may hold several statements (migrations): only the simple protocol runs them.
    if (query.parameters.length === 0) {
      const results = await this.pg.exec(query.sql);
      const last = results[results.length - 1];
      return {
        rows: (last?.rows ?? []) as R[],
        numAffectedRows: last?.affectedRows === undefined ? undefined : BigInt(last.affectedRows),
      };
    }
    const result = await this.pg.query<R>(query.sql, query.parameters as unknown[]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  /** Runs a named statement, preparing it on first use: PGlite's query() parses and plans every time. */
  private runPrepared<R>(name: string, text: string, parameters: readonly unknown[]) {
    return this.pg.runExclusive(async () => {
      const messages: BackendMessages = [];
      // As PGlite's own query(): a Sync ends the exchange whatever happened, and an error surfaces as thrown.
      const exchange = async (...steps: Uint8Array[]) => {
        try {
          for (const step of steps) messages.push(...(await this.pg.execProtocolStream(step, { syncToFs: false })));
        } finally {
          messages.push(...(await this.pg.execProtocolStream(serialize.sync(), { syncToFs: false })));
        }
      };
      let statement = this.prepared.get(text);
      if (!statement) {
        await exchange(serialize.parse({ name, text }), serialize.describe({ type: "S", name }));
        statement = { name, types: parse.parseDescribeStatementResults(messages) };
        this.prepared.set(text, statement);
        messages.length = 0;
      }
      const { types } = statement;
      const values = parameters.map((value, i) => (value == null ? null : (this.pg.serializers[types[i]]?.(value) ?? String(value))));
      await exchange(serialize.bind({ statement: name, values }), serialize.describe({ type: "P" }), serialize.execute({}));
      await this.pg.syncToFs();
      return parse.parseResults(messages, this.pg.parsers)[0] as unknown as { rows: R[]; affectedRows?: number };
    });
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by PGlite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite driver does not support streaming");
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;
  private release: (() => void) | undefined;

  constructor(
    private readonly pg: PGlite,
    nameToPrepare: (text: string) => string | undefined,
  ) {
    this.connection = new PGliteConnection(pg, nameToPrepare);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    this.release = release;
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    // The owner of the PGlite instance closes it (it may dump the data dir first).
  }
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly pg: PGlite,
    private readonly nameToPrepare: (text: string) => string | undefined = () => undefined,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.nameToPrepare);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
