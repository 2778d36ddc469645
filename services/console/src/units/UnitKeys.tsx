import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { IssuedKey, UnitKey } from '../api/admin-types';

const SCOPE_LABELS: Record<string, string> = { jobs: '接单', manage: '自助管理' };
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The unit's API keys: issue (shown once), rotate (a new key, the old one revoked) and revoke. */
export function UnitKeys({ unitId, admin }: { unitId: string; admin: boolean }) {
  const key = ['merchant-unit', unitId, 'keys'];
  const keys = useQuery({
    queryKey: key,
    queryFn: async (): Promise<UnitKey[]> => ok(api.GET('/api/merchant/units/{id}/api-keys', { params: { path: { id: unitId } } })),
  });
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [issued, setIssued] = useState<IssuedKey>();
  const [manage, setManage] = useState(false);
  const issue = async (scopes: UnitKey['scopes']) =>
    ok(api.POST('/api/merchant/units/{id}/api-keys', { params: { path: { id: unitId } }, body: { scopes } }));
  const revoke = (keyId: string) =>
    ok(api.POST('/api/merchant/units/{id}/api-keys/{keyId}/revoke', { params: { path: { id: unitId, keyId } } }));
  const run = async (work: () => Promise<IssuedKey | undefined>, done: string) => {
    try {
      const fresh = await work();
      if (fresh) setIssued(fresh);
      await qc.invalidateQueries({ queryKey: key });
      void message.success(done);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <>
      {keys.isError && <Alert type="error" title={(keys.error as Error).message} />}
      {admin && (
        <Space style={{ marginBottom: 12 }}>
          <Checkbox checked={manage} onChange={(e) => setManage(e.target.checked)}>
            允许自助管理（资料、价格、推送地址）
          </Checkbox>
          <Button type="primary" onClick={() => void run(() => issue(manage ? ['jobs', 'manage'] : ['jobs']), '已签发新密钥')}>
            签发新密钥
          </Button>
        </Space>
      )}
      <Table<UnitKey>
        size="small"
        rowKey="keyId"
        data-testid="unit-keys"
        loading={keys.isLoading}
        dataSource={keys.data ?? []}
        pagination={false}
        locale={{ emptyText: '尚未签发密钥' }}
        columns={[
          { title: '密钥前缀', render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
          { title: '权限', render: (_, k) => k.scopes.map((s) => <Tag key={s}>{SCOPE_LABELS[s] ?? s}</Tag>) },
          { title: '签发时间', render: (_, k) => time(k.issuedAt) },
          {
            title: '状态',
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>已吊销 {time(k.revokedAt)}</Tag>
              ) : k.revokeAt ? (
                <Tag color="gold">将于 {time(k.revokeAt)} 失效</Tag>
              ) : (
                <Tag color="green">有效</Tag>
              ),
          },
          ...(admin
            ? [
                {
                  title: '操作',
                  render: (_: unknown, k: UnitKey) =>
                    !k.revokedAt && (
                      <Space size="small">
                        <Popconfirm
                          title="签发同权限的新密钥并吊销这一把？"
                          okText="轮换"
                          cancelText="取消"
                          onConfirm={() =>
                            run(async () => {
                              const fresh = await issue(k.scopes);
                              await revoke(k.keyId);
                              return fresh;
                            }, '已轮换密钥')
                          }
                        >
                          <Button size="small">轮换</Button>
                        </Popconfirm>
                        <Popconfirm
                          title="吊销后单位的系统将无法再用这把密钥"
                          okText="吊销"
                          cancelText="取消"
                          onConfirm={() =>
                            run(async () => {
                              await revoke(k.keyId);
                              return undefined;
                            }, '已吊销')
                          }
                        >
                          <Button size="small" danger>
                            吊销
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!issued}
        destroyOnHidden
        title="新密钥（只显示这一次）"
        okText="我已妥善保存"
        cancelButtonProps={{ style: { display: 'none' } }}
        onOk={() => setIssued(undefined)}
        onCancel={() => setIssued(undefined)}
      >
        <Alert type="warning" title="请立即复制并交给单位，关闭后无法再次查看。" style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: issued?.apiKey }} code data-testid="issued-key" style={{ wordBreak: 'break-all' }}>
          {issued?.apiKey}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
