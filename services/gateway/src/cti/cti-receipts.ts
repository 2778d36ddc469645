import { DataSource } from 'typeorm';

/** The receipts of PBX reports, which exist to answer a report sent again as a duplicate. */
export class CtiReceipts {
  constructor(private readonly ds: DataSource) {}

  /** Forgets up to `batch` receipts older than `retentionHours`; returns how many. */
  async forget(retentionHours: number, batch: number, now?: Date): Promise<number> {
    const [, deleted] = await this.ds.query<[unknown[], number]>(
      `DELETE FROM cti_receipt WHERE ctid IN (
         SELECT ctid FROM cti_receipt WHERE received_at < coalesce($1::timestamptz, now()) - make_interval(hours => $2) LIMIT $3)`,
      [now ?? null, retentionHours, batch],
    );
    return deleted;
  }
}
