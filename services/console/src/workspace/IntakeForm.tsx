import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Result, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok, showOnForm } from '../api/call';
import type { Category, Household, RequestView } from '../api/types';
import { GROUP_LABELS, label, URGENCY_COLOURS, URGENCY_LABELS, URGENCY_PROMISES } from '../shared/labels';
import { useCategories } from '../shared/reference-data';
import { useCall } from './call-draft';
import { ProviderPicker } from './ProviderPicker';
import { DESCRIPTION_MAX, intakeBody, IntakeValues, validateIntake } from './intake-rules';

/** The API's fields onto the form's: the window is one range picker. */
const FIELDS = {
  categoryCode: 'categoryCode',
  description: 'description',
  urgency: 'urgency',
  preferredWindow: 'window',
  answer: 'answer',
  chosenProviderId: 'chosenProviderId',
};

interface FormValues {
  categoryCode?: string;
  description?: string;
  urgency?: string;
  window?: [Dayjs, Dayjs] | null;
  answer?: string;
  chosenProviderId?: string;
}

const toDraft = (v: FormValues): IntakeValues => ({
  categoryCode: v.categoryCode,
  description: v.description,
  urgency: v.urgency,
  windowFrom: v.window?.[0]?.toISOString(),
  windowTo: v.window?.[1]?.toISOString(),
  answer: v.answer,
  chosenProviderId: v.chosenProviderId,
});

const fromDraft = (d: IntakeValues): FormValues => ({
  categoryCode: d.categoryCode,
  description: d.description,
  urgency: d.urgency,
  window: d.windowFrom && d.windowTo ? [dayjs(d.windowFrom), dayjs(d.windowTo)] : null,
  answer: d.answer,
  chosenProviderId: d.chosenProviderId,
});

/** Logging the request: category tree with urgency and deadline, description, override, window, the resident's chosen provider. */
export function IntakeForm({ household }: { household: Household }) {
  const { draft, update, nextRequest } = useCall();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState<RequestView>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const categories = (useCategories(household.communityCode).data ?? []).filter((c: Category) => c.enabled);
  const categoryCode = Form.useWatch('categoryCode', form) ?? draft.intake.categoryCode;
  const category = categories.find((c: Category) => c.code === categoryCode);

  const tree = useMemo(() => {
    const groups = [...new Set(categories.map((c: Category) => c.groupCode as string))];
    return groups.map((g) => ({
      value: `group:${g}`,
      title: label(GROUP_LABELS, g),
      selectable: false,
      children: categories
        .filter((c: Category) => c.groupCode === g)
        .map((c: Category) => ({
          value: c.code,
          title: `${c.nameZh} · ${c.kind === 'consultation' ? '当场答复' : `${label(URGENCY_LABELS, c.urgency)} ${URGENCY_PROMISES[c.urgency] ?? ''}`}`,
        })),
    }));
  }, [categories]);

  const submit = async () => {
    const values = form.getFieldsValue();
    const draftValues = toDraft(values);
    const errors = validateIntake(draftValues, category, Date.now());
    form.setFields(Object.values(FIELDS).map((name) => ({ name: name as never, errors: [] })));
    if (Object.keys(errors).length) {
      form.setFields(
        Object.entries(errors).map(([name, e]) => ({
          name: (name === 'windowTo' || name === 'windowFrom' ? 'window' : name) as never,
          errors: [e!],
        })),
      );
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const body = intakeBody(household.id, draftValues, category!);
      const created = await ok(
        api.POST('/api/request/requests', {
          body: draft.pop ? { ...body, callId: draft.pop.callId } : body,
          headers: { 'idempotency-key': draft.idempotencyKey },
        }),
        FIELDS,
      );
      setLogged(created);
      nextRequest();
      form.setFieldsValue({
        categoryCode: undefined,
        description: undefined,
        urgency: undefined,
        window: null,
        answer: undefined,
        chosenProviderId: undefined,
      });
      void queries.invalidateQueries({ queryKey: ['requests'] });
      void queries.invalidateQueries({ queryKey: ['callers'] });
      message.success(`已受理 ${created.number}`);
    } catch (err) {
      setError(showOnForm(err, form));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="受理诉求" data-testid="intake">
      {logged && (
        <Result
          status="success"
          style={{ padding: 12 }}
          title={`已受理 ${logged.number}`}
          subTitle={logged.status === 'closed' ? '咨询已答复并办结' : '已进入派单，看板实时显示进度'}
          extra={<Link to={`/requests/${logged.id}`}>查看工单</Link>}
        />
      )}
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={fromDraft(draft.intake)}
        onValuesChange={(changed, all) => {
          // A unit chosen for one category may not serve the next.
          if ('categoryCode' in changed && all.chosenProviderId) form.setFieldValue('chosenProviderId', undefined);
          update({ intake: toDraft({ ...all, ...('categoryCode' in changed ? { chosenProviderId: undefined } : {}) }) });
        }}
        onFinish={submit}
      >
        <Form.Item name="categoryCode" label="服务类别" required>
          <TreeSelect treeData={tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="选择类别（可输入搜索）" />
        </Form.Item>
        {category && (
          <Space style={{ marginBottom: 12 }}>
            <Tag color={URGENCY_COLOURS[category.urgency]}>{label(URGENCY_LABELS, category.urgency)}</Tag>
            <Typography.Text type="secondary">
              {category.kind === 'consultation' ? '咨询类：受理时答复并办结' : URGENCY_PROMISES[category.urgency]}
            </Typography.Text>
          </Space>
        )}
        <Form.Item name="description" label="诉求描述" required>
          <Input.TextArea
            rows={3}
            maxLength={DESCRIPTION_MAX}
            showCount
            placeholder="居民反映的问题（Enter 提交，Shift+Enter 换行）"
            onPressEnter={(e) => {
              if (!e.shiftKey) {
                e.preventDefault();
                form.submit();
              }
            }}
          />
        </Form.Item>
        {category?.kind === 'consultation' ? (
          <Form.Item name="answer" label="答复内容" required>
            <Input.TextArea rows={2} placeholder="当场给居民的答复" />
          </Form.Item>
        ) : (
          <Space size="large" wrap>
            <Form.Item name="urgency" label="紧急程度（按需调整）">
              <Select
                allowClear
                style={{ width: 180 }}
                placeholder="按类别默认"
                options={Object.entries(URGENCY_LABELS).map(([value, l]) => ({ value, label: l }))}
              />
            </Form.Item>
            <Form.Item name="window" label="希望上门时间">
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" />
            </Form.Item>
          </Space>
        )}
        {category && category.kind !== 'consultation' && (
          <Form.Item name="chosenProviderId" label="居民指定服务方（可选）">
            <ProviderPicker communityCode={household.communityCode} categoryCode={category.code} feePolicy={household.feePolicy} />
          </Form.Item>
        )}
        <div>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交受理
          </Button>
        </div>
      </Form>
    </Card>
  );
}
