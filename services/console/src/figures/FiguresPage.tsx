import { DatePicker, Radio, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSignedIn } from '../auth/use-session';
import { CallFiguresTab } from '../telephony/CallFiguresTab';
import { Breaches } from './Breaches';
import { Compare } from './Compare';
import { chinaMonth } from './figures-data';
import { Providers } from './Providers';
import { Rankings } from './Rankings';
import { RatesOverview } from './RatesOverview';

/**
 * The quality of service in the signed-in person's scope: the three rates and composite by month and
 * their trends, comparisons, breaches, the red and black lists, (district only) the providers, and
 * the call centre's figures from the phone system's call log.
 */
export function FiguresPage() {
  const user = useSignedIn()!;
  const [month, setMonth] = useState(chinaMonth);
  const community = user.role === 'community_admin';
  const [level, setLevel] = useState<'street' | 'community'>(community ? 'community' : 'street');
  const district = user.role === 'district_admin';
  const ranks = district || user.role === 'street_admin';
  const tabs = [
    { key: 'rates', label: '三率总览', children: <RatesOverview level={level} month={month} /> },
    { key: 'compare', label: '对比', children: <Compare level={level} month={month} /> },
    { key: 'breaches', label: '超时统计', children: <Breaches level={level} month={month} wholeDistrict={district} /> },
    ...(ranks ? [{ key: 'rankings', label: '红黑榜', children: <Rankings level={level} month={month} /> }] : []),
    ...(district ? [{ key: 'providers', label: '服务方评分', children: <Providers month={month} /> }] : []),
    { key: 'calls', label: '话务统计', children: <CallFiguresTab month={month} level={level} /> },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }} size="large">
        <Typography.Title level={4} style={{ margin: 0 }}>
          服务质量统计
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label="统计月份"
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        {!community && (
          <Radio.Group
            optionType="button"
            value={level}
            onChange={(e) => setLevel(e.target.value as 'street' | 'community')}
            options={[
              { value: 'street', label: '按街道' },
              { value: 'community', label: '按社区' },
            ]}
          />
        )}
        <Typography.Text type="secondary">按北京时间自然月统计；“—”表示当月无应计件数</Typography.Text>
      </Space>
      <Tabs items={tabs} destroyOnHidden />
    </>
  );
}
