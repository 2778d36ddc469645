import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/call';
import type { VolunteerDetail } from '../api/admin-types';
import { useSignedIn } from '../auth/use-session';
import { ReasonButton, type ReasonAction } from '../shared/ReasonButton';
import { useCategoryName } from '../shared/reference-data';
import { usePlaceName } from '../units/use-units';
import { Ledger } from './Ledger';
import { useVolunteer } from './use-volunteers';
import { certificateExpiry, EXPIRY_LABELS, TRAINING_LABELS, VOLUNTEER_STATUS_COLOURS, VOLUNTEER_STATUS_LABELS } from './volunteer-rules';

type TrainingModule = VolunteerDetail['training']['missing'][number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADMINS = ['community_admin', 'street_admin', 'district_admin'];
type Review = 'approve' | 'reject' | 'suspend' | 'reinstate';
const REVIEWS: Record<Review, ReasonAction & { from: string }> = {
  approve: { label: '审核通过', prompt: '审核意见（可空）', from: 'applied', reasonRequired: false },
  reject: { label: '不予通过', prompt: '不通过的原因', danger: true, from: 'applied' },
  suspend: { label: '暂停服务', prompt: '暂停原因', danger: true, from: 'approved' },
  reinstate: { label: '恢复服务', prompt: '恢复说明', from: 'suspended' },
};

function review(id: string, r: Review, reason: string) {
  const params = { path: { id } };
  if (r === 'approve') return ok(api.POST('/api/volunteer/volunteers/{id}/approve', { params, body: reason ? { reason } : {} }));
  return ok(api.POST(`/api/volunteer/volunteers/{id}/${r}`, { params, body: { reason } }));
}

/** One volunteer: the application with its certificates, training done and missing, points, star level and ledger. */
export function VolunteerPage() {
  const { id = '' } = useParams();
  const user = useSignedIn()!;
  const valid = UUID.test(id);
  const volunteer = useVolunteer(id, valid);
  const categoryName = useCategoryName();
  const place = usePlaceName();
  if (!valid || (volunteer.error instanceof ApiError && volunteer.error.status === 404)) {
    return (
      <Result
        status="404"
        title="未找到该志愿者"
        subTitle="志愿者不存在，或不在您的管辖范围内。"
        extra={<Link to="/volunteers">返回志愿者</Link>}
      />
    );
  }
  if (volunteer.isError) return <Alert type="error" title={(volunteer.error as Error).message} />;
  const v = volunteer.data;
  if (!v) return <Spin />;
  const admin = ADMINS.includes(user.role);
  const done = v.training.done ?? [];
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card
          title={
            <Space>
              <span data-testid="volunteer-name">{v.displayName}</span>
              <Tag color={VOLUNTEER_STATUS_COLOURS[v.status]} data-testid="volunteer-status">
                {VOLUNTEER_STATUS_LABELS[v.status]}
              </Tag>
            </Space>
          }
          extra={
            admin && (
              <Space>
                {(Object.keys(REVIEWS) as Review[])
                  .filter((r) => REVIEWS[r].from === v.status)
                  .map((r) => (
                    <ReasonButton
                      key={r}
                      action={REVIEWS[r]}
                      subject={v.displayName}
                      send={(reason) => review(v.id, r, reason)}
                      refresh={[['volunteer', v.id], ['volunteers']]}
                    />
                  ))}
              </Space>
            )
          }
        >
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="所属社区">{place(v.orgPath)}</Descriptions.Item>
            <Descriptions.Item label="申请时间">{dayjs(v.appliedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label="同时服务上限">{v.maxConcurrentJobs}</Descriptions.Item>
            <Descriptions.Item label="暂停接单至">{v.pausedUntil ? dayjs(v.pausedUntil).format('YYYY-MM-DD') : '—'}</Descriptions.Item>
            <Descriptions.Item label="服务时间">
              {v.availability.always ? '随时' : `${v.availability.windows.length} 个时段`}
            </Descriptions.Item>
            <Descriptions.Item label="审核意见">{v.reviewReason ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title="专长与证书" style={{ marginTop: 16 }}>
          <Table
            size="small"
            rowKey="categoryCode"
            data-testid="certificates"
            pagination={false}
            dataSource={v.specialties}
            locale={{ emptyText: '普通志愿者，无专长证书' }}
            columns={[
              { title: '服务类别', render: (_, s) => categoryName(s.categoryCode) },
              { title: '证书', render: (_, s) => s.certificate.name ?? '—' },
              { title: '编号', render: (_, s) => s.certificate.number ?? '—' },
              {
                title: '有效期至',
                render: (_, s) => (s.certificate.expiresAt ? dayjs(s.certificate.expiresAt).format('YYYY-MM-DD') : '—'),
              },
              {
                title: '状态',
                render: (_, s) => {
                  const e = EXPIRY_LABELS[certificateExpiry(s.certificate.expiresAt)];
                  return <Tag color={e.colour}>{e.text}</Tag>;
                },
              },
            ]}
          />
        </Card>
        <Card size="small" title="培训记录" style={{ marginTop: 16 }} extra={admin && <TrainingButton volunteer={v} />}>
          <Space wrap>
            {done.map((t) => (
              <Tag key={t.module} color="green">
                {TRAINING_LABELS[t.module] ?? t.module}（{dayjs(t.completedOn).format('YYYY-MM-DD')}）
              </Tag>
            ))}
            {v.training.missing.map((m) => (
              <Tag key={m} color="orange" data-testid="training-missing">
                缺：{TRAINING_LABELS[m] ?? m}
              </Tag>
            ))}
            {done.length === 0 && v.training.missing.length === 0 && '—'}
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title="积分与星级">
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title="星级" value={v.points.stars} suffix="星" />
            </Col>
            <Col span={6}>
              <Statistic title="积分余额" value={v.points.balance} />
            </Col>
            <Col span={6}>
              <Statistic title="累计积分" value={v.points.lifetimePoints} />
            </Col>
            <Col span={6}>
              <Statistic title="活动时长" value={v.activityHours} suffix="小时" />
            </Col>
          </Row>
          {v.points.toNextStar !== null && (
            <div style={{ marginTop: 8, color: '#888' }}>
              再得 {v.points.toNextStar} 分升至 {v.points.stars + 1} 星
            </div>
          )}
        </Card>
        <div style={{ marginTop: 16 }}>
          <Ledger volunteerId={v.id} />
        </div>
      </Col>
    </Row>
  );
}

function TrainingButton({ volunteer }: { volunteer: VolunteerDetail }) {
  const [open, setOpen] = useState(false);
  const [module, setModule] = useState<TrainingModule>();
  const [on, setOn] = useState(dayjs());
  const [error, setError] = useState<string>();
  const qc = useQueryClient();
  const submit = async () => {
    try {
      await ok(
        api.POST('/api/volunteer/volunteers/{id}/training', {
          params: { path: { id: volunteer.id } },
          body: { module: module!, completedOn: on.format('YYYY-MM-DD') },
        }),
      );
      await qc.invalidateQueries({ queryKey: ['volunteer', volunteer.id] });
      setOpen(false);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        登记培训
      </Button>
      <Modal
        open={open}
        title="登记培训记录"
        okText="登记"
        cancelText="取消"
        okButtonProps={{ disabled: !module }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
        <Form layout="vertical">
          <Form.Item label="培训内容" required>
            <Select
              aria-label="培训内容"
              value={module}
              onChange={setModule}
              options={Object.entries(TRAINING_LABELS).map(([value, label]) => ({ value: value as TrainingModule, label }))}
            />
          </Form.Item>
          <Form.Item label="完成日期" required>
            <DatePicker value={on} allowClear={false} onChange={(d) => d && setOn(d)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
