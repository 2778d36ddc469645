import { useQueryClient } from '@tanstack/react-query';
import { App, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Category } from '../api/types';
import { useSignedIn } from '../auth/use-session';
import { GROUP_LABELS, label, URGENCY_COLOURS, URGENCY_LABELS, URGENCY_PROMISES } from '../shared/labels';
import { useCategories, useUnits } from '../shared/reference-data';

const ADMINS = ['community_admin', 'street_admin', 'district_admin'];

/** Which categories a community offers, with the deadline each carries; admins switch them off and on for it. */
export function Catalogue() {
  const user = useSignedIn()!;
  const communities = (useUnits().data ?? []).filter((u) => u.level === 'community' && u.status === 'active');
  const [picked, setPicked] = useState<string>();
  const community = picked ?? communities[0]?.code;
  const categories = useCategories(community);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const admin = ADMINS.includes(user.role);
  const toggle = async (c: Category, enabled: boolean) => {
    try {
      await ok(
        api.PUT('/api/request/catalogue/communities/{community}/categories/{category}', {
          params: { path: { community: community!, category: c.code } },
          body: { enabled },
        }),
      );
      await qc.invalidateQueries({ queryKey: ['categories', community] });
      void message.success(`${c.nameZh}已${enabled ? '开通' : '停办'}`);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <>
      <Select
        aria-label="社区"
        style={{ width: 200, marginBottom: 12 }}
        value={community}
        onChange={setPicked}
        showSearch
        optionFilterProp="label"
        options={communities.map((u) => ({ value: u.code, label: u.nameZh }))}
      />
      <Table<Category>
        size="small"
        rowKey="code"
        data-testid="catalogue"
        loading={categories.isLoading}
        dataSource={categories.data ?? []}
        pagination={false}
        columns={[
          { title: '服务类别', dataIndex: 'nameZh' },
          { title: '分组', render: (_, c) => label(GROUP_LABELS, c.groupCode) },
          { title: '类型', render: (_, c) => (c.kind === 'consultation' ? '咨询' : '上门服务') },
          { title: '紧急程度', render: (_, c) => <Tag color={URGENCY_COLOURS[c.urgency]}>{label(URGENCY_LABELS, c.urgency)}</Tag> },
          { title: '时限', render: (_, c) => URGENCY_PROMISES[c.urgency] ?? '—' },
          { title: '本社区开通', render: (_, c) => <Switch checked={c.enabled} disabled={!admin} onChange={(on) => void toggle(c, on)} /> },
        ]}
      />
    </>
  );
}
