import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/call';
import type { MerchantUnit, NewUnit, PendingUnit } from '../api/admin-types';
import { useSignedIn } from '../auth/use-session';
import { useUnits } from '../shared/reference-data';
import { UNIT_KIND_LABELS, UNIT_STATUS_COLOURS, UNIT_STATUS_LABELS } from './unit-moves';
import { usePartnerUnits, usePendingUnits, usePlaceName } from './use-units';

const ADMINS = ['community_admin', 'street_admin', 'district_admin'];

/** The partner units in scope: the application queue first, then every unit by status. */
export function UnitsPage() {
  const user = useSignedIn()!;
  const units = usePartnerUnits();
  const pending = usePendingUnits();
  const place = usePlaceName();
  const [status, setStatus] = useState<string>();
  const [applying, setApplying] = useState(false);
  const all = units.data ?? [];
  const queue = all.filter((u) => u.status === 'applied' || u.status === 'verified');

  const columns = [
    {
      title: '单位名称',
      key: 'name',
      render: (_: unknown, u: MerchantUnit | PendingUnit) => <Link to={`/units/${u.id}`}>{u.displayName}</Link>,
    },
    { title: '类型', key: 'kind', render: (_: unknown, u: MerchantUnit) => UNIT_KIND_LABELS[u.kind] },
    { title: '所属', key: 'org', render: (_: unknown, u: MerchantUnit) => place(u.orgPath) },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, u: MerchantUnit) => <Tag color={UNIT_STATUS_COLOURS[u.status]}>{UNIT_STATUS_LABELS[u.status]}</Tag>,
    },
    { title: '免费单', key: 'free', render: (_: unknown, u: MerchantUnit) => (u.takesFreeJobs ? '承接' : '不承接') },
    { title: '同时接单上限', dataIndex: 'maxConcurrentJobs', key: 'max' },
    { title: '更新时间', key: 'updated', render: (_: unknown, u: MerchantUnit) => dayjs(u.updatedAt).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <>
      {units.isError && <Alert type="error" title={(units.error as Error).message} />}
      <Tabs
        tabBarExtraContent={
          ADMINS.includes(user.role) && (
            <Button type="primary" onClick={() => setApplying(true)}>
              登记入驻申请
            </Button>
          )
        }
        items={[
          {
            key: 'queue',
            label: `入驻审核（${queue.length}）`,
            children: (
              <Table
                size="small"
                rowKey="id"
                data-testid="unit-queue"
                loading={units.isLoading}
                dataSource={queue}
                columns={[
                  ...columns.slice(0, 4),
                  {
                    title: '申请时间',
                    key: 'created',
                    render: (_: unknown, u: MerchantUnit) => dayjs(u.createdAt).format('YYYY-MM-DD HH:mm'),
                  },
                  { title: '说明', dataIndex: 'statusReason', key: 'reason', ellipsis: true },
                ]}
                pagination={false}
                locale={{ emptyText: '没有待审核的申请' }}
              />
            ),
          },
          {
            key: 'changes',
            label: `资料变更待审（${pending.data?.length ?? 0}）`,
            children: (
              <Table<PendingUnit>
                size="small"
                rowKey="id"
                loading={pending.isLoading}
                dataSource={pending.data ?? []}
                pagination={false}
                locale={{ emptyText: '没有待审的名称或服务项目' }}
                columns={[
                  columns[0],
                  { title: '申请改名为', key: 'pendingName', render: (_: unknown, u: PendingUnit) => u.pendingDisplayName ?? '—' },
                  {
                    title: '新增服务项目',
                    key: 'pendingCategories',
                    render: (_: unknown, u: PendingUnit) => u.pendingCategories.length || '—',
                  },
                ]}
              />
            ),
          },
          {
            key: 'all',
            label: `全部单位（${all.length}）`,
            children: (
              <>
                <Select
                  allowClear
                  placeholder="按状态筛选"
                  style={{ width: 160, marginBottom: 12 }}
                  value={status}
                  onChange={setStatus}
                  options={Object.entries(UNIT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                />
                <Table
                  size="small"
                  rowKey="id"
                  data-testid="unit-list"
                  loading={units.isLoading}
                  dataSource={status ? all.filter((u) => u.status === status) : all}
                  columns={columns}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                />
              </>
            ),
          },
        ]}
      />
      {applying && <ApplyForm onClose={() => setApplying(false)} />}
    </>
  );
}

type ApplyValues = Omit<NewUnit, 'serviceHours' | 'coverage'>;

/** An application taken at the community office: the unit starts as applied, all week, all day, until its hours are set. */
function ApplyForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<ApplyValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const places = useUnits().data ?? [];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (v: ApplyValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const unit = await ok(
        api.POST('/api/merchant/units', { body: { ...v, serviceHours: { always: true, windows: [] } } }),
        Object.keys(v),
      );
      await qc.invalidateQueries({ queryKey: ['merchant-units'] });
      void message.success('已登记入驻申请');
      onClose();
      void navigate(`/units/${unit.id}`);
    } catch (e) {
      if (e instanceof ApiError) form.setFields(e.problem.fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      setError(e instanceof ApiError && e.problem.fields.length ? undefined : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="登记加盟单位入驻申请"
      okText="提交申请"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'merchant', maxConcurrentJobs: 3, takesFreeJobs: true }}
        data-testid="apply-unit"
      >
        <Space.Compact block>
          <Form.Item name="displayName" label="对外名称" rules={[{ required: true, message: '请填写对外名称' }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label="类型" style={{ width: 140 }}>
            <Select options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="legalName" label="营业执照名称" rules={[{ required: true, message: '请填写营业执照名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="licenceNo" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgPath" label="所属社区或街道" rules={[{ required: true, message: '请选择所属社区或街道' }]}>
          <Select showSearch optionFilterProp="label" options={places.map((u) => ({ value: u.path, label: u.nameZh }))} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="contactName" label="联系人" rules={[{ required: true, message: '请填写联系人' }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Space size="large">
          <Form.Item name="maxConcurrentJobs" label="同时接单上限">
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="takesFreeJobs" label="承接免费单" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label="受理说明" rules={[{ required: true, message: '请填写受理说明' }]}>
          <Input placeholder="如：社区服务站窗口受理" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
