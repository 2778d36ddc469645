import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { UnitOffering } from '../api/admin-types';
import { useCategories, useCategoryName } from '../shared/reference-data';
import { priceRange } from './unit-moves';

/** The unit's price list: what it offers at which price range, the lines it added itself waiting for approval. */
export function UnitOfferings({ unitId, admin }: { unitId: string; admin: boolean }) {
  const key = ['merchant-unit', unitId, 'offerings'];
  const offerings = useQuery({
    queryKey: key,
    queryFn: async (): Promise<UnitOffering[]> => ok(api.GET('/api/merchant/units/{id}/offerings', { params: { path: { id: unitId } } })),
  });
  const categoryName = useCategoryName();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Partial<UnitOffering>>();
  const act = async (call: Promise<unknown>, done: string) => {
    try {
      await call;
      await qc.invalidateQueries({ queryKey: key });
      void message.success(done);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const path = (o: UnitOffering) => ({ path: { id: unitId, category: o.categoryCode } });
  return (
    <>
      {offerings.isError && <Alert type="error" title={(offerings.error as Error).message} />}
      {admin && (
        <Button style={{ marginBottom: 12 }} onClick={() => setEditing({})}>
          新增服务项目
        </Button>
      )}
      <Table<UnitOffering>
        size="small"
        rowKey="categoryCode"
        data-testid="unit-offerings"
        loading={offerings.isLoading}
        dataSource={offerings.data ?? []}
        pagination={false}
        locale={{ emptyText: '尚未登记服务项目' }}
        columns={[
          { title: '服务类别', render: (_, o) => categoryName(o.categoryCode) },
          { title: '服务内容', dataIndex: 'description' },
          { title: '价格区间', render: (_, o) => priceRange(o.priceMinFen, o.priceMaxFen) },
          { title: '审核', render: (_, o) => (o.approved ? <Tag color="green">已生效</Tag> : <Tag color="gold">待审核</Tag>) },
          ...(admin
            ? [
                {
                  title: '操作',
                  render: (_: unknown, o: UnitOffering) => (
                    <Space size="small">
                      {!o.approved && (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() =>
                            void act(
                              ok(
                                api.POST('/api/merchant/units/{id}/offerings/{category}/approve', {
                                  params: path(o),
                                  body: { reason: '社区审核通过' },
                                }),
                              ),
                              '已通过',
                            )
                          }
                        >
                          通过
                        </Button>
                      )}
                      {!o.approved && (
                        <Button
                          size="small"
                          onClick={() =>
                            void act(
                              ok(
                                api.POST('/api/merchant/units/{id}/offerings/{category}/reject', {
                                  params: path(o),
                                  body: { reason: '社区审核未通过' },
                                }),
                              ),
                              '已驳回',
                            )
                          }
                        >
                          驳回
                        </Button>
                      )}
                      <Button size="small" onClick={() => setEditing(o)}>
                        修改价格
                      </Button>
                      <Popconfirm
                        title="删除这个服务项目？"
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() =>
                          act(ok(api.DELETE('/api/merchant/units/{id}/offerings/{category}', { params: path(o) })), '已删除')
                        }
                      >
                        <Button size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <OfferingForm
          unitId={unitId}
          offering={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => qc.invalidateQueries({ queryKey: key })}
        />
      )}
    </>
  );
}

interface OfferingValues {
  categoryCode: string;
  description: string;
  priceMin: number;
  priceMax?: number;
}

function OfferingForm({
  unitId,
  offering,
  onClose,
  onSaved,
}: {
  unitId: string;
  offering: Partial<UnitOffering>;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const [form] = Form.useForm<OfferingValues>();
  const categories = useCategories().data ?? [];
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const save = async (v: OfferingValues) => {
    setBusy(true);
    try {
      // Prices are kept in fen; the form speaks yuan.
      const body = {
        description: v.description,
        priceMinFen: Math.round(v.priceMin * 100),
        ...(v.priceMax !== undefined && v.priceMax !== null ? { priceMaxFen: Math.round(v.priceMax * 100) } : {}),
      };
      await ok(
        api.PUT('/api/merchant/units/{id}/offerings/{category}', { params: { path: { id: unitId, category: v.categoryCode } }, body }),
      );
      await onSaved();
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
      title={offering.categoryCode ? '修改服务项目' : '新增服务项目'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          categoryCode: offering.categoryCode,
          description: offering.description,
          priceMin: offering.priceMinFen !== undefined ? offering.priceMinFen / 100 : undefined,
          priceMax: offering.priceMaxFen !== undefined ? offering.priceMaxFen / 100 : undefined,
        }}
      >
        <Form.Item name="categoryCode" label="服务类别" rules={[{ required: true, message: '请选择服务类别' }]}>
          <Select
            disabled={!!offering.categoryCode}
            showSearch
            optionFilterProp="label"
            options={categories.map((c) => ({ value: c.code, label: c.nameZh }))}
          />
        </Form.Item>
        <Form.Item name="description" label="服务内容" rules={[{ required: true, message: '请填写服务内容' }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="priceMin" label="最低价（元）" rules={[{ required: true, message: '请填写最低价' }]}>
            <InputNumber min={0} step={1} />
          </Form.Item>
          <Form.Item name="priceMax" label="最高价（元，可空）">
            <InputNumber min={0} step={1} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
