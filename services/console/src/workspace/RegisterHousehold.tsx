import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ok, showOnForm } from '../api/call';
import type { Household, NewHousehold, Unit } from '../api/types';
import { TAG_LABELS } from '../shared/labels';
import { useUnits } from '../shared/reference-data';

interface HouseholdForm {
  communityCode: string;
  address: string;
  name: string;
  phone: string;
  tags?: NewHousehold['residents'][number]['tags'];
}

/** The API's fields onto the form's: the one resident the form registers is `residents.0`. */
const FIELDS = {
  communityCode: 'communityCode',
  address: 'address',
  'residents.*.name': 'name',
  'residents.*.phones': 'phone',
  'residents.*.tags': 'tags',
  residents: 'name',
};

/** An unknown number: the household is registered inline and becomes the caller at once. */
export function RegisterHousehold({ phone, onRegistered }: { phone: string; onRegistered(h: Household): void }) {
  const [form] = Form.useForm<HouseholdForm>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One household per form: a resubmit after a lost answer replays the registration instead of making it twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const communities = (useUnits().data ?? []).filter((u: Unit) => u.level === 'community');

  const submit = async (v: HouseholdForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: NewHousehold = {
        communityCode: v.communityCode,
        address: v.address.trim(),
        residents: [{ name: v.name.trim(), phones: [v.phone], tags: v.tags ?? [] }],
      };
      onRegistered(await ok(api.POST('/api/request/households', { body, headers: { 'idempotency-key': idempotencyKey } }), FIELDS));
    } catch (err) {
      setError(showOnForm(err, form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="新来电户登记" data-testid="register-household">
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ phone }} onFinish={submit}>
        <Form.Item name="communityCode" label="所属社区" rules={[{ required: true, message: '请选择社区' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择社区"
            options={communities.map((u: Unit) => ({ value: u.code, label: u.nameZh }))}
          />
        </Form.Item>
        <Form.Item name="address" label="住址" rules={[{ required: true, min: 4, message: '请填写住址（至少 4 个字）' }]}>
          <Input placeholder="例如：金城社区12栋3单元502室" />
        </Form.Item>
        <Form.Item name="name" label="来电人称呼" rules={[{ required: true, message: '请填写称呼' }]}>
          <Input placeholder="例如：王阿姨" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写电话' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="tags" label="关爱标签">
          <Select mode="multiple" allowClear options={Object.entries(TAG_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          登记并选为来电户
        </Button>
      </Form>
    </Card>
  );
}
