import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Tree } from 'antd';
import { ReactNode, useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Unit } from '../api/types';
import { useSignedIn } from '../auth/use-session';
import { useUnits } from '../shared/reference-data';

const LEVEL_NAMES: Record<string, string> = { district: '区', street: '街道', community: '社区' };
interface TreeNode {
  key: string;
  title: ReactNode;
  children: TreeNode[];
}
type Editing = { kind: 'create'; parent: Unit } | { kind: 'rename'; unit: Unit } | { kind: 'retire'; unit: Unit };

/** The district's streets and communities: street and district admins add, rename and retire them. */
export function UnitTree() {
  const user = useSignedIn()!;
  const units = useUnits();
  const [editing, setEditing] = useState<Editing>();
  const manages = user.role === 'district_admin' || user.role === 'street_admin';
  const all = units.data ?? [];
  const children = (parent: Unit | undefined): TreeNode[] =>
    all
      .filter((u) => (parent ? u.parentCode === parent.code : !all.some((p) => p.code === u.parentCode)))
      .map((u) => ({
        key: u.code,
        title: (
          <Space>
            <span>{u.nameZh}</span>
            <Tag>{LEVEL_NAMES[u.level]}</Tag>
            {u.status === 'retired' && <Tag color="default">已撤销</Tag>}
            {manages && u.status === 'active' && (
              <>
                {u.level !== 'community' && (
                  <Button size="small" type="link" onClick={() => setEditing({ kind: 'create', parent: u })}>
                    新增下级
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setEditing({ kind: 'rename', unit: u })}>
                  改名
                </Button>
                {u.level !== 'district' && (
                  <Button size="small" type="link" danger onClick={() => setEditing({ kind: 'retire', unit: u })}>
                    撤销
                  </Button>
                )}
              </>
            )}
          </Space>
        ),
        children: children(u),
      }));
  return (
    <Card size="small" loading={units.isLoading}>
      {units.isError && <Alert type="error" title={(units.error as Error).message} />}
      {all.length > 0 && <Tree data-testid="unit-tree" defaultExpandAll selectable={false} treeData={children(undefined)} />}
      {editing && <EditUnit editing={editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}

function EditUnit({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const [form] = Form.useForm<{ code: string; nameZh: string; namePinyin: string; reason: string }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const title =
    editing.kind === 'create'
      ? `在${editing.parent.nameZh}下新增`
      : editing.kind === 'rename'
        ? `改名：${editing.unit.nameZh}`
        : `撤销：${editing.unit.nameZh}`;
  const save = async (v: { code: string; nameZh: string; namePinyin: string; reason: string }) => {
    try {
      if (editing.kind === 'create') {
        const level = editing.parent.level === 'district' ? 'street' : 'community';
        await ok(
          api.POST('/directory/units', {
            body: { code: v.code, nameZh: v.nameZh, namePinyin: v.namePinyin, parentCode: editing.parent.code, level },
          }),
        );
      } else if (editing.kind === 'rename') {
        await ok(
          api.PATCH('/directory/units/{code}', {
            params: { path: { code: editing.unit.code } },
            body: { nameZh: v.nameZh, namePinyin: v.namePinyin },
          }),
        );
      } else {
        await ok(api.POST('/directory/units/{code}/retire', { params: { path: { code: editing.unit.code } }, body: { reason: v.reason } }));
      }
      await qc.invalidateQueries({ queryKey: ['units'] });
      void message.success('已保存');
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const initial = editing.kind === 'rename' ? { nameZh: editing.unit.nameZh, namePinyin: editing.unit.namePinyin } : {};
  return (
    <Modal open title={title} okText="确定" cancelText="取消" onOk={() => form.submit()} onCancel={onClose}>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={initial}>
        {editing.kind === 'create' && (
          <Form.Item
            name="code"
            label="编码（小写拼音）"
            rules={[{ required: true, pattern: /^[a-z][a-z0-9-]*$/, message: '小写字母开头，仅字母、数字和短横线' }]}
          >
            <Input />
          </Form.Item>
        )}
        {editing.kind !== 'retire' && (
          <>
            <Form.Item name="nameZh" label="中文名称" rules={[{ required: true, message: '请填写中文名称' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="namePinyin" label="拼音名称" rules={[{ required: true, message: '请填写拼音名称' }]}>
              <Input />
            </Form.Item>
          </>
        )}
        {editing.kind === 'retire' && (
          <Form.Item name="reason" label="撤销原因" rules={[{ required: true, message: '请填写撤销原因' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
