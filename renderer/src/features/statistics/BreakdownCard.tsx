/**
 * One breakdown of the statistics: a table and a bar chart side by side. Every count is a link to
 * the list of the members (or organizations) behind it.
 */
import { Button, Card, Col, Row, Table } from 'antd';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Figure } from '@shared/reports/statistics';
import { formatCount, formatShare } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';

const t = vi.statistics;
const BAR_COLOR = '#b71c1c';

export function CountLink({
  figure,
  onOpen,
  large = false,
}: {
  figure: Figure;
  onOpen: (figure: Figure) => void;
  /** The size of a headline figure (antd Statistic). */
  large?: boolean;
}) {
  const className = large ? 'stats-count-large' : undefined;
  if (figure.count === 0) return <span className={className}>0</span>;
  return (
    <Button
      type="link"
      size="small"
      className={className}
      style={{ padding: 0, height: 'auto' }}
      aria-label={t.showMembers(figure.label)}
      onClick={() => onOpen(figure)}
    >
      {formatCount(figure.count)}
    </Button>
  );
}

export function BreakdownCard({
  title,
  figures,
  total,
  onOpen,
  testId,
  chart = true,
}: {
  title: string;
  figures: Figure[];
  /** The whole the shares are of; none for figures that do not add up to one. */
  total?: number;
  onOpen: (figure: Figure) => void;
  testId: string;
  chart?: boolean;
}) {
  const table = (
    <Table<Figure>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={figures}
      locale={{ emptyText: t.empty }}
      columns={[
        { title: t.columnKind, dataIndex: 'label' },
        {
          title: t.columnCount,
          dataIndex: 'count',
          align: 'right',
          width: 100,
          render: (_, figure) => <CountLink figure={figure} onOpen={onOpen} />,
        },
        ...(total === undefined
          ? []
          : [
              {
                title: t.columnShare,
                key: 'share',
                align: 'right' as const,
                width: 80,
                render: (_: unknown, figure: Figure) => formatShare(figure.count, total),
              },
            ]),
      ]}
    />
  );
  const height = Math.max(160, figures.length * 28 + 40);
  return (
    <Card title={title} size="small" data-testid={testId} className="stats-card">
      {chart ? (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            {table}
          </Col>
          <Col xs={24} xl={12}>
            <div style={{ width: '100%', height }} aria-hidden="true">
              <ResponsiveContainer>
                <BarChart data={figures} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
                  <CartesianGrid horizontal={false} stroke="#eee" />
                  <XAxis type="number" allowDecimals={false} tickFormatter={(n: number) => formatCount(n)} />
                  <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} interval={0} />
                  <Tooltip formatter={(value) => [formatCount(Number(value)), t.columnCount]} />
                  <Bar
                    dataKey="count"
                    fill={BAR_COLOR}
                    cursor="pointer"
                    onClick={(entry) => {
                      const figure = figures.find((f) => f.label === (entry as { label?: string }).label);
                      if (figure && figure.count > 0) onOpen(figure);
                    }}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Col>
        </Row>
      ) : (
        table
      )}
    </Card>
  );
}
