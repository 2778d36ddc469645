import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/call';
import type { MerchantUnit, UnitStatusChange } from '../api/admin-types';
import { useSignedIn } from '../auth/use-session';
import { ReasonButton } from '../shared/ReasonButton';
import { hoursText } from './hours';
import { UnitKeys } from './UnitKeys';
import { UNIT_KIND_LABELS, UNIT_STATUS_COLOURS, UNIT_STATUS_LABELS, unitMoves } from './unit-moves';
import { UnitOfferings } from './UnitOfferings';
import { UnitProfileForm } from './UnitProfileForm';
import { UnitScorecard } from './UnitScorecard';
import { UnitWebhooks } from './UnitWebhooks';
import { usePlaceName } from './use-units';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADMINS = ['community_admin', 'street_admin', 'district_admin'];

/** One partner unit: its profile and status with the moves allowed, price list, keys, webhooks, credit and history. */
export function UnitPage() {
  const { id = '' } = useParams();
  const user = useSignedIn()!;
  const valid = UUID.test(id);
  const unit = useQuery({
    queryKey: ['merchant-unit', id],
    enabled: valid,
    queryFn: async (): Promise<MerchantUnit> => ok(api.GET('/api/merchant/units/{id}', { params: { path: { id } } })),
  });
  const place = usePlaceName();
  const [editing, setEditing] = useState(false);
  if (!valid || (unit.error instanceof ApiError && unit.error.status === 404)) {
    return (
      <Result
        status="404"
        title="未找到该单位"
        subTitle="单位不存在，或不在您的管辖范围内。"
        extra={<Link to="/units">返回加盟单位</Link>}
      />
    );
  }
  if (unit.isError) return <Alert type="error" title={(unit.error as Error).message} />;
  const u = unit.data;
  if (!u) return <Spin />;
  const admin = ADMINS.includes(user.role);
  return (
    <>
      <Card
        title={
          <Space>
            <span data-testid="unit-name">{u.displayName}</span>
            <Tag color={UNIT_STATUS_COLOURS[u.status]} data-testid="unit-status">
              {UNIT_STATUS_LABELS[u.status]}
            </Tag>
            {u.pendingDisplayName && <Tag color="gold">申请改名：{u.pendingDisplayName}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {unitMoves(u.status, user.role).map((m) => (
              <ReasonButton
                key={m.to}
                action={m}
                subject={u.displayName}
                send={(reason) =>
                  ok(api.POST('/api/merchant/units/{id}/status', { params: { path: { id: u.id } }, body: { to: m.to, reason } }))
                }
                refresh={[['merchant-unit', u.id], ['merchant-units']]}
              />
            ))}
            {admin && u.status !== 'retired' && <Button onClick={() => setEditing(true)}>修改资料</Button>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, lg: 3 }}>
          <Descriptions.Item label="营业执照名称">{u.legalName}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{u.licenceNo}</Descriptions.Item>
          <Descriptions.Item label="类型">{UNIT_KIND_LABELS[u.kind]}</Descriptions.Item>
          <Descriptions.Item label="所属">{place(u.orgPath)}</Descriptions.Item>
          <Descriptions.Item label="服务范围">{u.coverage.map(place).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="服务时间">{hoursText(u.serviceHours)}</Descriptions.Item>
          <Descriptions.Item label="联系人">{u.contactName}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{u.contactPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="同时接单上限">{u.maxConcurrentJobs}</Descriptions.Item>
          <Descriptions.Item label="免费单">{u.takesFreeJobs ? '承接' : '不承接'}</Descriptions.Item>
          <Descriptions.Item label="状态说明" span={2}>
            {u.statusReason}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        style={{ marginTop: 16 }}
        destroyOnHidden
        items={[
          { key: 'offerings', label: '服务项目与价格', children: <UnitOfferings unitId={u.id} admin={admin} /> },
          { key: 'keys', label: '接口密钥', children: <UnitKeys unitId={u.id} admin={admin && u.status !== 'retired'} /> },
          { key: 'webhooks', label: '推送地址与记录', children: <UnitWebhooks unitId={u.id} admin={admin} /> },
          { key: 'credit', label: '信用评分', children: <UnitScorecard unitId={u.id} /> },
          { key: 'history', label: '状态记录', children: <History unitId={u.id} /> },
        ]}
      />
      {editing && <UnitProfileForm unit={u} onClose={() => setEditing(false)} />}
    </>
  );
}

function History({ unitId }: { unitId: string }) {
  const history = useQuery({
    queryKey: ['merchant-unit', unitId, 'history'],
    queryFn: async (): Promise<UnitStatusChange[]> => ok(api.GET('/api/merchant/units/{id}/history', { params: { path: { id: unitId } } })),
  });
  if (history.isLoading) return <Spin />;
  return (
    <Timeline
      items={(history.data ?? []).map((h) => ({
        children: (
          <>
            <b>{dayjs(h.at).format('YYYY-MM-DD HH:mm')}</b> {h.from ? `${UNIT_STATUS_LABELS[h.from]} → ` : ''}
            {UNIT_STATUS_LABELS[h.to]}：{h.reason}
          </>
        ),
      }))}
    />
  );
}
