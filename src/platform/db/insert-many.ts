import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { preparedQuery, rawClient, type Executor } from './database.js';

// Multi-row INSERT … RETURNING for the hot write paths (intake's report, event and audit rows), written as
// one `insert … select * from unnest($1::type[], $2::type[], …)` statement: the same text whatever the number
// of rows, so on a PostgreSQL server it is a named prepared statement (parsed and planned once per
// connection), and the parameters are one array per column instead of one per cell. Values go through each
// column's own driver mapping and rows come back through it, so the result equals drizzle's
// `db.insert(table).values(rows).returning()`; drizzle's query builder, which checks the type of every cell
// it renders, was ≈ 20 % of an intake's CPU.

interface ColumnPlan {
  key: string;
  column: PgColumn;
}

const statements = new Map<string, { text: string; columns: ColumnPlan[] }>();

/** The statement for these columns of the table (cached: the key list names it). */
function statementFor(table: PgTable, keys: string[]) {
  const tableName = getTableName(table);
  const cacheKey = `${tableName}:${keys.join(',')}`;
  let statement = statements.get(cacheKey);
  if (statement) return statement;
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const columns = keys.map((key) => ({ key, column: all[key]! }));
  for (const { column } of columns)
    if (column.getSQLType().endsWith(']'))
      throw new Error(`insertMany: ${tableName}.${column.name} is an array column (unnest would flatten it)`);
  // Rows come back through the raw driver, which reads these types in the process's time zone where drizzle
  // reads them as UTC text: only `timestamp with time zone` gives the same Date both ways.
  for (const column of Object.values(all))
    if (/^(date|timestamp(\s*\(\d+\))?(\s+without time zone)?)$/.test(column.getSQLType()))
      throw new Error(
        `insertMany: ${tableName}.${column.name} is ${column.getSQLType()}; use drizzle's insert`,
      );
  const returning = Object.values(all)
    .map((c) => quote(c.name))
    .join(', ');
  const text =
    `insert into ${quote(tableName)} (${columns.map((c) => quote(c.column.name)).join(', ')}) ` +
    `select * from unnest(${columns.map((c, i) => `$${i + 1}::${c.column.getSQLType()}[]`).join(', ')}) ` +
    `returning ${returning}`;
  statement = { text, columns };
  statements.set(cacheKey, statement);
  return statement;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Inserts rows and returns them as the table's select type, in the order given. A column left out of every
 * row takes its database default; JavaScript-side defaults (`$defaultFn`) are not applied, so use it only for
 * tables whose defaults live in the database.
 */
export async function insertMany<T extends PgTable>(
  executor: Executor,
  table: T,
  rows: T['$inferInsert'][],
): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return [];
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const given = new Set<string>();
  for (const row of rows)
    for (const [key, value] of Object.entries(row as Record<string, unknown>))
      if (value !== undefined) given.add(key);
  const keys = [...given].sort();
  for (const key of keys) if (!all[key]) throw new Error(`insertMany: ${getTableName(table)} has no ${key}`);
  // A row leaving out a column another row gives: null is what it means unless the column has a default,
  // which one unnest statement cannot apply to some rows only (then drizzle writes it, DEFAULT per cell).
  const partial = keys.filter((k) => rows.some((r) => (r as Record<string, unknown>)[k] === undefined));
  if (partial.some((k) => all[k]!.hasDefault))
    return (await executor.insert(table).values(rows).returning()) as T['$inferSelect'][];
  const { text, columns } = statementFor(table, keys);
  const params = columns.map(({ key, column }) =>
    rows.map((row) => {
      const value = (row as Record<string, unknown>)[key];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    }),
  );
  const result = await preparedQuery<Record<string, unknown>>(rawClient(executor), text, params);
  const mapped = Object.entries(all);
  return result.rows.map((raw) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of mapped) out[key] = fromDriver(column, raw[column.name]);
    return out as T['$inferSelect'];
  });
}

/** A value read by the raw driver, as drizzle would give it (drizzle reads timestamps as text; pg gives Dates). */
function fromDriver(column: PgColumn, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return raw;
  // PGlite returns bytea as Uint8Array; node-postgres as Buffer.
  const value = raw instanceof Uint8Array && !Buffer.isBuffer(raw) ? Buffer.from(raw) : raw;
  return column.mapFromDriverValue(value);
}
