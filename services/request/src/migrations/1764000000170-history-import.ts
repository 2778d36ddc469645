import { MigrationInterface, QueryRunner } from 'typeorm';

/** Requests taken over from a district's previous system keep its name and their id in it, once each. */
export class HistoryImport1764000000170 implements MigrationInterface {
  name = 'HistoryImport1764000000170';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_request ADD COLUMN import_source text, ADD COLUMN import_ref text`);
    await q.query(
      `CREATE UNIQUE INDEX service_request_import_ref ON service_request (import_source, import_ref) WHERE import_source IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX service_request_import_ref`);
    await q.query(`ALTER TABLE service_request DROP COLUMN import_source, DROP COLUMN import_ref`);
  }
}
