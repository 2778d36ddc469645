import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** Statements to prepend to an UPDATE (a `WITH …` clause), with the values of its placeholders. */
export interface Preceding {
  sql: string;
  values: unknown[];
}

/**
 * One entity's row read under its lock and written back, by primary key, in SQL made once from the
 * entity's metadata. TypeORM's `findOne` and `update` build their statements anew on every call
 * (aliases, escaping, property names replaced by regular expressions), which on a consumer's hot path
 * was a tenth of the service's CPU (bench/README.md). Values still pass through the driver's own
 * conversions, so an entity reads and writes as it does through TypeORM. Only flat entities: no
 * embedded objects, no relations.
 */
export class EntityRows<T extends ObjectLiteral> {
  private static readonly made = new WeakMap<EntityMetadata, EntityRows<ObjectLiteral>>();
  private readonly lockSql: string;
  private readonly table: string;

  private constructor(private readonly metadata: EntityMetadata) {
    if (metadata.embeddeds.length || metadata.relations.length) throw new Error(`${metadata.name} is not a flat entity`);
    const q = (name: string) => `"${name}"`;
    this.table = q(metadata.tableName);
    const columns = metadata.columns.map((c) => `${q(c.databaseName)} AS ${q(c.propertyName)}`).join(', ');
    const key = metadata.primaryColumns.map((c, i) => `${q(c.databaseName)} = $${i + 1}`).join(' AND ');
    this.lockSql = `SELECT ${columns} FROM ${this.table} WHERE ${key} FOR UPDATE`;
  }

  static of<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>): EntityRows<T> {
    const metadata = m.connection.getMetadata(target);
    let rows = EntityRows.made.get(metadata);
    if (!rows) EntityRows.made.set(metadata, (rows = new EntityRows(metadata)));
    return rows as unknown as EntityRows<T>;
  }

  /** The row, locked for the rest of the transaction, or null. */
  async lock(m: EntityManager, key: Partial<T>): Promise<T | null> {
    const [row] = await m.query<ObjectLiteral[]>(this.lockSql, this.keyValues(key));
    if (!row) return null;
    const entity = this.metadata.create() as ObjectLiteral;
    const driver = m.connection.driver;
    for (const c of this.metadata.columns) entity[c.propertyName] = driver.prepareHydratedValue(row[c.propertyName], c) as unknown;
    return entity as T;
  }

  /** Writes the given columns of the row in one UPDATE, after `preceding` when given. */
  async update(m: EntityManager, key: Partial<T>, changes: Partial<T>, preceding?: Preceding): Promise<void> {
    const driver = m.connection.driver;
    const values = [...(preceding?.values ?? [])];
    const placeholder = (value: unknown) => `$${values.push(value)}`;
    const set = this.metadata.columns
      .filter((c) => c.propertyName in changes)
      .map((c) => `"${c.databaseName}" = ${placeholder(driver.preparePersistentValue(changes[c.propertyName], c))}`);
    if (!set.length) throw new Error(`no column of ${this.metadata.name} to update`);
    const keys = this.keyValues(key);
    const where = this.metadata.primaryColumns.map((c, i) => `"${c.databaseName}" = ${placeholder(keys[i])}`);
    await m.query(`${preceding?.sql ?? ''} UPDATE ${this.table} SET ${set.join(', ')} WHERE ${where.join(' AND ')}`, values);
  }

  private keyValues(key: Partial<T>): unknown[] {
    return this.metadata.primaryColumns.map((c) => {
      const value = key[c.propertyName];
      if (value === undefined) throw new Error(`${this.metadata.name}: no ${c.propertyName} given`);
      return value;
    });
  }
}
