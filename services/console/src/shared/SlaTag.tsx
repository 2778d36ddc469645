import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { RISK_COLOURS, SlaClock, slaState } from './sla';

/** Re-renders every 30 s so the countdown moves without refetching anything. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function SlaTag({ request }: { request: SlaClock }) {
  const now = useNow();
  const sla = slaState(request, now);
  if (!sla) return null;
  const what = sla.deadline === 'response' ? '响应' : '办结';
  return (
    <Tooltip title={`${what}期限 ${dayjs(sla.dueAt).format('MM-DD HH:mm')}`}>
      <Tag color={RISK_COLOURS[sla.risk]} data-risk={sla.risk}>
        {what}
        {sla.label}
      </Tag>
    </Tooltip>
  );
}
