import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { PointsConfig, Reward } from '../api/admin-types';
import { useSignedIn } from '../auth/use-session';
import { useCategoryName, useUnits } from '../shared/reference-data';
import { usePlaceName } from '../units/use-units';
import { Ledger } from '../volunteers/Ledger';
import { useVolunteers } from '../volunteers/use-volunteers';

const ADMINS = ['community_admin', 'street_admin', 'district_admin'];

/** Points and rewards: the rewards and their stock, a volunteer's ledger, and the rules in force here. */
export function PointsPage() {
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'rewards', label: '奖品与库存', children: <Rewards /> },
        { key: 'ledger', label: '志愿者积分账', children: <VolunteerLedger /> },
        { key: 'rules', label: '积分规则', children: <Rules /> },
      ]}
    />
  );
}

function Rewards() {
  const user = useSignedIn()!;
  const admin = ADMINS.includes(user.role);
  const rewards = useQuery({ queryKey: ['rewards'], queryFn: async (): Promise<Reward[]> => ok(api.GET('/api/volunteer/rewards')) });
  const place = usePlaceName();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const restock = async (r: Reward, add: number) => {
    try {
      await ok(api.POST('/api/volunteer/rewards/{id}/restock', { params: { path: { id: r.id } }, body: { add } }));
      await qc.invalidateQueries({ queryKey: ['rewards'] });
      void message.success(`已为「${r.name}」补货 ${add} 件`);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <>
      {rewards.isError && <Alert type="error" title={(rewards.error as Error).message} />}
      {admin && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          上架奖品
        </Button>
      )}
      <Table<Reward>
        size="small"
        rowKey="id"
        data-testid="rewards"
        loading={rewards.isLoading}
        dataSource={rewards.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有上架奖品' }}
        columns={[
          { title: '奖品', dataIndex: 'name' },
          { title: '所需积分', dataIndex: 'costPoints' },
          { title: '库存', render: (_, r) => (r.stock > 0 ? r.stock : <Tag color="red">已兑完</Tag>) },
          { title: '所属', render: (_, r) => place(r.orgPath) },
          ...(admin
            ? [
                {
                  title: '补货',
                  render: (_: unknown, r: Reward) => (
                    <Space>
                      {[5, 20].map((n) => (
                        <Button key={n} size="small" onClick={() => void restock(r, n)}>
                          +{n}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {creating && <RewardForm onClose={() => setCreating(false)} />}
    </>
  );
}

interface RewardValues {
  name: string;
  costPoints: number;
  stock: number;
  unitPath: string;
}

function RewardForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<RewardValues>();
  const places = useUnits().data ?? [];
  const qc = useQueryClient();
  const [error, setError] = useState<string>();
  const save = async (body: RewardValues) => {
    try {
      await ok(api.POST('/api/volunteer/rewards', { body }));
      await qc.invalidateQueries({ queryKey: ['rewards'] });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal open title="上架奖品" okText="上架" cancelText="取消" onOk={() => form.submit()} onCancel={onClose}>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ costPoints: 50, stock: 10, unitPath: places.find((p) => p.level === 'community')?.path }}
      >
        <Form.Item name="name" label="奖品名称" rules={[{ required: true, message: '请填写奖品名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unitPath" label="面向" rules={[{ required: true, message: '请选择社区或街道' }]}>
          <Select showSearch optionFilterProp="label" options={places.map((u) => ({ value: u.path, label: u.nameZh }))} />
        </Form.Item>
        <Space>
          <Form.Item name="costPoints" label="所需积分">
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="stock" label="库存">
            <InputNumber min={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function VolunteerLedger() {
  const volunteers = useVolunteers();
  const [id, setId] = useState<string>();
  const chosen = id ?? volunteers.data?.find((v) => v.status === 'approved')?.id;
  return (
    <>
      <Select
        showSearch
        optionFilterProp="label"
        aria-label="选择志愿者"
        style={{ width: 240, marginBottom: 12 }}
        value={chosen}
        onChange={setId}
        options={(volunteers.data ?? []).map((v) => ({ value: v.id, label: v.displayName }))}
      />
      {chosen && <Ledger volunteerId={chosen} />}
    </>
  );
}

interface RulesShape {
  jobPoints: Record<string, number>;
  defaultJobPoints: number;
  freeJobBonus: number;
  satisfiedRatingBonus: number;
  starThresholds: number[];
  exchangeCosts: Record<string, number>;
  defaultExchangeCost: number;
}

function Rules() {
  const user = useSignedIn()!;
  const units = useUnits().data ?? [];
  const [unit, setUnit] = useState(user.orgPath);
  const categoryName = useCategoryName();
  const config = useQuery({
    queryKey: ['points-config', unit],
    queryFn: async (): Promise<PointsConfig> => ok(api.GET('/api/volunteer/points/config', { params: { query: { unit } } })),
  });
  // The document describes the rules as an open object; the volunteer service sends every field of its PointsConfig.
  const rules = config.data?.effective as RulesShape | undefined;
  return (
    <Card
      size="small"
      title="现行积分规则"
      extra={
        <Select
          style={{ width: 200 }}
          value={unit}
          onChange={setUnit}
          aria-label="适用单位"
          options={units.map((u) => ({ value: u.path, label: u.nameZh }))}
        />
      }
      loading={config.isLoading}
    >
      {config.isError && <Alert type="error" title={(config.error as Error).message} />}
      {rules && (
        <>
          <Descriptions size="small" column={2} data-testid="points-rules">
            <Descriptions.Item label="完成一单（默认）">{rules.defaultJobPoints} 分</Descriptions.Item>
            <Descriptions.Item label="免费单另加">{rules.freeJobBonus} 分</Descriptions.Item>
            <Descriptions.Item label="居民首评“满意”另加">{rules.satisfiedRatingBonus} 分</Descriptions.Item>
            <Descriptions.Item label="兑换一次服务（默认）">{rules.defaultExchangeCost} 分</Descriptions.Item>
            <Descriptions.Item label="星级门槛（累计积分）" span={2}>
              {rules.starThresholds.map((t, i) => `${i + 1} 星 ${t} 分`).join('，')}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="code"
            style={{ marginTop: 12 }}
            pagination={false}
            dataSource={[...new Set([...Object.keys(rules.jobPoints), ...Object.keys(rules.exchangeCosts)])].map((code) => ({ code }))}
            locale={{ emptyText: '各类别均按默认分值' }}
            columns={[
              { title: '服务类别', render: (_, r) => categoryName(r.code) },
              { title: '完成一单得分', render: (_, r) => rules.jobPoints[r.code] ?? rules.defaultJobPoints },
              { title: '兑换一次所需', render: (_, r) => rules.exchangeCosts[r.code] ?? rules.defaultExchangeCost },
            ]}
          />
        </>
      )}
    </Card>
  );
}
