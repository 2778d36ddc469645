import { Button, Card, Table } from 'antd';
import type { EChartsOption } from 'echarts';
import { ReactNode } from 'react';
import { Link } from 'react-router';
import { download, toCsv } from '../shared/csv';
import { EChart } from '../shared/EChart';

/** A column shown in the table and written to the CSV from the same value, so both say the same numbers. */
export interface FigureColumn<T> {
  title: string;
  value: (row: T) => string | number | null;
  width?: number;
  /** On screen the value links here; the CSV keeps the value. */
  link?: (row: T) => string;
}

/** A chart with the table of its numbers under it and a CSV of that table. */
export function ChartCard<T extends object>(props: {
  title: string;
  testId: string;
  option?: EChartsOption;
  columns: FigureColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  file: string;
  loading?: boolean;
  extra?: ReactNode;
}) {
  const { title, testId, option, columns, rows, rowKey, file, loading, extra } = props;
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      style={{ marginBottom: 16 }}
      extra={
        <>
          {extra}
          <Button size="small" disabled={rows.length === 0} onClick={() => download(file, toCsv(columns, rows))} style={{ marginLeft: 8 }}>
            导出 CSV
          </Button>
        </>
      }
    >
      {option && <EChart option={option} testId={`${testId}-chart`} />}
      <Table<T>
        size="small"
        loading={loading}
        rowKey={rowKey}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '本期暂无数据' }}
        columns={columns.map((c, i) => ({
          key: i,
          title: c.title,
          width: c.width,
          render: (_: unknown, row: T) => (c.link ? <Link to={c.link(row)}>{c.value(row)}</Link> : (c.value(row) ?? '—')),
        }))}
      />
    </Card>
  );
}
