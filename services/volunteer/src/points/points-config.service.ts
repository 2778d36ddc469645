import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ancestorPaths, effectiveConfig, PointsConfig, PointsConfigLayer } from './points-rules';

@Injectable()
export class PointsConfigService {
  /** The settings that apply at a unit: the defaults, overridden from the district down to it. */
  async effective(m: EntityManager, unitPath: string): Promise<PointsConfig> {
    const paths = ancestorPaths(unitPath);
    const rows: { org_path: string; config: PointsConfigLayer }[] = await m.query(
      'SELECT org_path, config FROM points_config WHERE org_path = ANY($1)',
      [paths],
    );
    rows.sort((a, b) => a.org_path.length - b.org_path.length);
    return effectiveConfig(rows.map((r) => r.config));
  }

  async layer(m: EntityManager, unitPath: string): Promise<PointsConfigLayer> {
    const [row] = await m.query<[{ config: PointsConfigLayer }?]>('SELECT config FROM points_config WHERE org_path = $1', [unitPath]);
    return row?.config ?? {};
  }

  async setLayer(m: EntityManager, unitPath: string, layer: PointsConfigLayer, by: string): Promise<void> {
    await m.query(
      `INSERT INTO points_config (org_path, config, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (org_path) DO UPDATE SET config = points_config.config || EXCLUDED.config, updated_by = $3, updated_at = now()`,
      [unitPath, layer, by],
    );
  }
}
