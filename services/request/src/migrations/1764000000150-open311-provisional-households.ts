import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (...pairs: Array<[string, string]>) => pairs.map(([key, name]) => ({ key, name }));
const attribute = (
  code: string,
  datatype: string,
  required: boolean,
  order: number,
  description: string,
  values?: Array<{ key: string; name: string }>,
) => ({
  variable: true,
  code,
  datatype,
  required,
  datatype_description: null,
  order,
  description,
  ...(values && { values }),
});
const FLOOR = (order: number) => attribute('floor', 'number', false, order, '几楼？（地下室填负数）');

/** The extra facts a provider needs before the visit, asked by Open311 service definitions. */
const ATTRIBUTES: Record<string, object[]> = {
  'water-electric-repair': [
    attribute(
      'problem',
      'singlevaluelist',
      true,
      1,
      '是什么问题？',
      list(['leak', '漏水'], ['no_water', '停水'], ['power_cut', '断电跳闸'], ['socket_switch', '插座开关损坏']),
    ),
    FLOOR(2),
  ],
  'pipe-unclogging': [
    attribute(
      'fixture',
      'singlevaluelist',
      false,
      1,
      '哪里堵了？',
      list(['kitchen_sink', '厨房水槽'], ['toilet', '马桶'], ['floor_drain', '地漏'], ['sewer', '下水主管']),
    ),
    FLOOR(2),
  ],
  'appliance-repair': [
    attribute(
      'appliance',
      'singlevaluelist',
      true,
      1,
      '哪种电器？',
      list(['washing_machine', '洗衣机'], ['fridge', '冰箱'], ['air_conditioner', '空调'], ['water_heater', '热水器'], ['other', '其他']),
    ),
    attribute('brand', 'string', false, 2, '品牌型号（知道的话）'),
  ],
  'home-haircut': [
    attribute('mobility', 'singlevaluelist', true, 1, '老人能坐起来理发吗？', list(['can_sit', '能坐起'], ['bedridden', '卧床'])),
  ],
  'certificate-appointment': [
    attribute(
      'certificate',
      'singlevaluelist',
      true,
      1,
      '办理什么证件？',
      list(['birth_permit', '生育登记'], ['senior_card', '老年卡'], ['other', '其他']),
    ),
  ],
};

/**
 * Open311 for people the district does not know yet: a household created from a report is
 * provisional until the community's staff confirm or correct it; categories ask their extra facts
 * (GeoReport service definitions) and a request keeps the answers.
 */
export class Open311ProvisionalHouseholds1764000000150 implements MigrationInterface {
  name = 'Open311ProvisionalHouseholds1764000000150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE household
        ADD COLUMN provisional boolean NOT NULL DEFAULT false,
        ADD COLUMN placed_by text,
        ADD COLUMN verified_by text,
        ADD COLUMN verified_at timestamptz`);
    await q.query('CREATE INDEX household_provisional ON household (org_path text_pattern_ops) WHERE provisional');
    // Registered households near a reported point vouch for its community (open311/report-placement.ts).
    await q.query('CREATE INDEX household_location ON household (lat, lng) WHERE NOT provisional AND lat IS NOT NULL');
    await q.query(`ALTER TABLE category ADD COLUMN attributes jsonb NOT NULL DEFAULT '[]'`);
    for (const [code, attributes] of Object.entries(ATTRIBUTES)) {
      await q.query('UPDATE category SET attributes = $2 WHERE code = $1', [code, JSON.stringify(attributes)]);
    }
    await q.query(`ALTER TABLE service_request ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE service_request DROP COLUMN attributes');
    await q.query('ALTER TABLE category DROP COLUMN attributes');
    await q.query('DROP INDEX household_location');
    await q.query('DROP INDEX household_provisional');
    await q.query('ALTER TABLE household DROP COLUMN provisional, DROP COLUMN placed_by, DROP COLUMN verified_by, DROP COLUMN verified_at');
  }
}
