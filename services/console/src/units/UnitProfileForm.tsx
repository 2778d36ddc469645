import { useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { MerchantUnit } from '../api/admin-types';
import { useUnits } from '../shared/reference-data';
import { DAY_OPTIONS, weeklyHours } from './hours';

interface ProfileValues {
  contactName: string;
  contactPhone?: string;
  maxConcurrentJobs: number;
  takesFreeJobs: boolean;
  coverage: string[];
  always: boolean;
  days: number[];
  from: string;
  to: string;
}

/** The unit's hours, coverage and capacity, as the admin agrees them with it. */
export function UnitProfileForm({ unit, onClose }: { unit: MerchantUnit; onClose: () => void }) {
  const [form] = Form.useForm<ProfileValues>();
  const places = useUnits().data ?? [];
  const qc = useQueryClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const always = Form.useWatch('always', form);
  const first = unit.serviceHours.windows[0];
  const save = async (v: ProfileValues) => {
    setBusy(true);
    try {
      const serviceHours = v.always ? { always: true, windows: [] } : weeklyHours(v.days, v.from, v.to);
      await ok(
        api.PATCH('/api/merchant/units/{id}', {
          params: { path: { id: unit.id } },
          body: {
            contactName: v.contactName,
            ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
            maxConcurrentJobs: v.maxConcurrentJobs,
            takesFreeJobs: v.takesFreeJobs,
            coverage: v.coverage,
            serviceHours,
          },
        }),
      );
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['merchant-unit', unit.id] }),
        qc.invalidateQueries({ queryKey: ['merchant-units'] }),
      ]);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`修改资料：${unit.displayName}`}
      okText="保存"
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
        onFinish={(v) => void save(v)}
        initialValues={{
          contactName: unit.contactName,
          maxConcurrentJobs: unit.maxConcurrentJobs,
          takesFreeJobs: unit.takesFreeJobs,
          coverage: unit.coverage,
          always: unit.serviceHours.always,
          days: unit.serviceHours.windows.map((w) => w.day),
          from: first?.from ?? '08:00',
          to: first?.to ?? '18:00',
        }}
      >
        <Space.Compact block>
          <Form.Item name="contactName" label="联系人" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话（不改请留空）" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="coverage" label="服务范围">
          <Select mode="multiple" optionFilterProp="label" options={places.map((u) => ({ value: u.path, label: u.nameZh }))} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="maxConcurrentJobs" label="同时接单上限">
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="takesFreeJobs" label="承接免费单" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="always" label="全天候服务" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {!always && (
          <>
            <Form.Item name="days" label="服务日">
              <Checkbox.Group options={DAY_OPTIONS} />
            </Form.Item>
            <Space>
              <Form.Item name="from" label="开始" rules={[{ pattern: /^\d{2}:\d{2}$/, message: '格式如 08:00' }]}>
                <Input style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="to" label="结束" rules={[{ pattern: /^\d{2}:\d{2}$/, message: '格式如 18:00' }]}>
                <Input style={{ width: 100 }} />
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </Modal>
  );
}
