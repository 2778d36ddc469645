import { useQueries } from '@tanstack/react-query';
import { Alert, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { VolunteerDetail, VolunteerSummary } from '../api/admin-types';
import { useCategoryName } from '../shared/reference-data';
import { usePlaceName } from '../units/use-units';
import { Activities } from './Activities';
import { Teams } from './Teams';
import { useVolunteers } from './use-volunteers';
import {
  certificateExpiry,
  EXPIRY_LABELS,
  EXPIRY_WARNING_DAYS,
  VOLUNTEER_STATUS_COLOURS,
  VOLUNTEER_STATUS_LABELS,
} from './volunteer-rules';

/** The help team: applications to review, everyone with their status, certificates running out, teams and activities. */
export function VolunteersPage() {
  const volunteers = useVolunteers();
  const place = usePlaceName();
  const all = volunteers.data ?? [];
  const queue = all.filter((v) => v.status === 'applied');
  const columns = [
    { title: '姓名', key: 'name', render: (_: unknown, v: VolunteerSummary) => <Link to={`/volunteers/${v.id}`}>{v.displayName}</Link> },
    { title: '所属社区', key: 'org', render: (_: unknown, v: VolunteerSummary) => place(v.orgPath) },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, v: VolunteerSummary) => (
        <Tag color={VOLUNTEER_STATUS_COLOURS[v.status]}>{VOLUNTEER_STATUS_LABELS[v.status]}</Tag>
      ),
    },
    { title: '申请时间', key: 'applied', render: (_: unknown, v: VolunteerSummary) => dayjs(v.appliedAt).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <>
      {volunteers.isError && <Alert type="error" title={(volunteers.error as Error).message} />}
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'queue',
            label: `注册审核（${queue.length}）`,
            children: (
              <Table
                size="small"
                rowKey="id"
                data-testid="volunteer-queue"
                loading={volunteers.isLoading}
                dataSource={queue}
                columns={columns}
                pagination={false}
                locale={{ emptyText: '没有待审核的申请' }}
              />
            ),
          },
          {
            key: 'all',
            label: `全部志愿者（${all.length}）`,
            children: (
              <Table
                size="small"
                rowKey="id"
                data-testid="volunteer-list"
                loading={volunteers.isLoading}
                dataSource={all}
                columns={columns}
                pagination={{ pageSize: 20, showSizeChanger: false }}
              />
            ),
          },
          { key: 'expiry', label: '证书到期提醒', children: <Expiring volunteers={all.filter((v) => v.status === 'approved')} /> },
          { key: 'teams', label: '服务队', children: <Teams /> },
          { key: 'activities', label: '志愿活动', children: <Activities /> },
        ]}
      />
    </>
  );
}

/** Certificates expired or expiring within the warning window, soonest first. */
function Expiring({ volunteers }: { volunteers: VolunteerSummary[] }) {
  const details = useQueries({
    queries: volunteers.map((v) => ({
      queryKey: ['volunteer', v.id],
      queryFn: async (): Promise<VolunteerDetail> => ok(api.GET('/api/volunteer/volunteers/{id}', { params: { path: { id: v.id } } })),
    })),
  });
  const categoryName = useCategoryName();
  const rows = details
    .flatMap((d) =>
      d.data
        ? d.data.specialties.map((s) => ({
            key: `${d.data.id}:${s.categoryCode}`,
            volunteer: d.data,
            specialty: s,
            expiry: certificateExpiry(s.certificate.expiresAt),
          }))
        : [],
    )
    .filter((r) => r.expiry === 'expired' || r.expiry === 'soon')
    .sort((a, b) => (a.specialty.certificate.expiresAt ?? '').localeCompare(b.specialty.certificate.expiresAt ?? ''));
  return (
    <Table
      size="small"
      rowKey="key"
      loading={details.some((d) => d.isLoading)}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: `${EXPIRY_WARNING_DAYS} 天内没有到期的证书` }}
      columns={[
        { title: '志愿者', render: (_, r) => <Link to={`/volunteers/${r.volunteer.id}`}>{r.volunteer.displayName}</Link> },
        { title: '服务类别', render: (_, r) => categoryName(r.specialty.categoryCode) },
        { title: '证书', render: (_, r) => r.specialty.certificate.name ?? '—' },
        { title: '有效期至', render: (_, r) => dayjs(r.specialty.certificate.expiresAt).format('YYYY-MM-DD') },
        { title: '状态', render: (_, r) => <Tag color={EXPIRY_LABELS[r.expiry].colour}>{EXPIRY_LABELS[r.expiry].text}</Tag> },
      ]}
    />
  );
}
