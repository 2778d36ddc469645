import { Alert, Card, Descriptions, Table } from 'antd';
import dayjs from 'dayjs';
import type { Movement } from '../api/admin-types';
import { useStatement } from './use-volunteers';
import { movementWords, runningBalances } from './volunteer-rules';

/** A volunteer's points as they would read them: what came in, what went out, and the balance after each. */
export function Ledger({ volunteerId }: { volunteerId: string }) {
  const statement = useStatement(volunteerId);
  if (statement.isError) return <Alert type="error" title={(statement.error as Error).message} />;
  const s = statement.data;
  const balances = s ? runningBalances(s.opening, s.movements) : [];
  const rows = (s?.movements ?? []).map((m, i) => ({ ...m, balance: balances[i] })).reverse();
  return (
    <Card size="small" title="积分明细" loading={statement.isLoading}>
      {s && (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="共获得">{s.credits} 分</Descriptions.Item>
          <Descriptions.Item label="共使用">{s.debits} 分</Descriptions.Item>
          <Descriptions.Item label="当前余额">{s.closing} 分</Descriptions.Item>
        </Descriptions>
      )}
      <Table<Movement & { balance: number }>
        size="small"
        rowKey="entryId"
        data-testid="ledger"
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: '还没有积分记录' }}
        columns={[
          { title: '时间', render: (_, m) => dayjs(m.postedAt).format('YYYY-MM-DD HH:mm') },
          { title: '事项', render: (_, m) => movementWords(m).what },
          { title: '获得', render: (_, m) => movementWords(m).earned ?? '' },
          { title: '使用', render: (_, m) => movementWords(m).spent ?? '' },
          { title: '余额', dataIndex: 'balance' },
        ]}
      />
    </Card>
  );
}
