import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Activity, ActivityAttendance, Team } from '../api/admin-types';
import { useSignedIn } from '../auth/use-session';
import { useUnits } from '../shared/reference-data';

const ADMINS = ['community_admin', 'street_admin', 'district_admin'];
const time = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

/** Activities in scope: create one, see who signed up, check them in and out (which posts their hours and points). */
export function Activities() {
  const user = useSignedIn()!;
  const activities = useQuery({
    queryKey: ['activities'],
    queryFn: async (): Promise<Activity[]> => ok(api.GET('/api/volunteer/activities')),
  });
  const [creating, setCreating] = useState(false);
  const admin = ADMINS.includes(user.role);
  return (
    <>
      {admin && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          发布活动
        </Button>
      )}
      <Table<Activity>
        size="small"
        rowKey="id"
        data-testid="activities"
        loading={activities.isLoading}
        dataSource={activities.data ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: '还没有志愿活动' }}
        expandable={{ expandedRowRender: (a) => <Attendance activityId={a.id} admin={admin} /> }}
        columns={[
          { title: '活动', dataIndex: 'title' },
          { title: '地点', dataIndex: 'place' },
          { title: '时间', render: (_, a) => `${time(a.startsAt)} – ${time(a.endsAt)}` },
          { title: '报名', render: (_, a) => `${a.signedUp} / ${a.capacity}` },
          { title: '每小时积分', dataIndex: 'pointsPerHour' },
        ]}
      />
      {creating && <ActivityForm onClose={() => setCreating(false)} />}
    </>
  );
}

function Attendance({ activityId, admin }: { activityId: string; admin: boolean }) {
  const key = ['activity', activityId, 'attendance'];
  const attendance = useQuery({
    queryKey: key,
    queryFn: async (): Promise<ActivityAttendance> =>
      ok(api.GET('/api/volunteer/activities/{id}/attendance', { params: { path: { id: activityId } } })),
  });
  const qc = useQueryClient();
  const { message } = App.useApp();
  const act = async (which: 'check-in' | 'check-out', volunteerId: string) => {
    try {
      const params = { path: { id: activityId } };
      if (which === 'check-in') await ok(api.POST('/api/volunteer/activities/{id}/check-in', { params, body: { volunteerId } }));
      else await ok(api.POST('/api/volunteer/activities/{id}/check-out', { params, body: { volunteerId } }));
      await Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['volunteer', volunteerId] })]);
      void message.success(which === 'check-in' ? '已签到' : '已签退，时长与积分已记入');
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Table
      size="small"
      rowKey="volunteerId"
      loading={attendance.isLoading}
      dataSource={attendance.data?.attendance ?? []}
      pagination={false}
      locale={{ emptyText: '还没有人报名' }}
      columns={[
        { title: '志愿者', dataIndex: 'displayName' },
        { title: '报名时间', render: (_, a) => time(a.signedUpAt) },
        { title: '签到', render: (_, a) => time(a.checkedInAt) },
        { title: '签退', render: (_, a) => time(a.checkedOutAt) },
        { title: '时长', render: (_, a) => (a.minutes === null ? '—' : `${(a.minutes / 60).toFixed(1)} 小时`) },
        ...(admin
          ? [
              {
                title: '操作',
                render: (_: unknown, a: ActivityAttendance['attendance'][number]) =>
                  !a.checkedInAt ? (
                    <Button size="small" onClick={() => void act('check-in', a.volunteerId)}>
                      签到
                    </Button>
                  ) : !a.checkedOutAt ? (
                    <Button size="small" onClick={() => void act('check-out', a.volunteerId)}>
                      签退
                    </Button>
                  ) : (
                    <Tag color="green">已完成</Tag>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

interface ActivityValues {
  title: string;
  place: string;
  unitPath: string;
  teamId?: string;
  when: [Dayjs, Dayjs];
  capacity: number;
  pointsPerHour: number;
}

function ActivityForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<ActivityValues>();
  const places = useUnits().data ?? [];
  const teams = useQuery({ queryKey: ['teams'], queryFn: async (): Promise<Team[]> => ok(api.GET('/api/volunteer/teams')) });
  const qc = useQueryClient();
  const [error, setError] = useState<string>();
  const save = async (v: ActivityValues) => {
    try {
      const [from, to] = v.when;
      await ok(
        api.POST('/api/volunteer/activities', {
          body: {
            title: v.title,
            place: v.place,
            unitPath: v.unitPath,
            capacity: v.capacity,
            pointsPerHour: v.pointsPerHour,
            startsAt: from.toISOString(),
            endsAt: to.toISOString(),
            ...(v.teamId ? { teamId: v.teamId } : {}),
          },
        }),
      );
      await qc.invalidateQueries({ queryKey: ['activities'] });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal open title="发布志愿活动" okText="发布" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} width={600}>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ capacity: 20, pointsPerHour: 10, unitPath: places.find((p) => p.level === 'community')?.path }}
      >
        <Form.Item name="title" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="unitPath" label="面向" rules={[{ required: true, message: '请选择社区或街道' }]} style={{ flex: 1 }}>
            <Select showSearch optionFilterProp="label" options={places.map((u) => ({ value: u.path, label: u.nameZh }))} />
          </Form.Item>
          <Form.Item name="teamId" label="服务队（可空）" style={{ flex: 1 }}>
            <Select allowClear options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="when" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Space>
          <Form.Item name="capacity" label="人数上限">
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item name="pointsPerHour" label="每小时积分">
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
