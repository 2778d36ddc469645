import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../auth/use-session';
import { useExtensions, useSeatExtension } from './use-telephony';

/** The agent's own seat: calls ringing at this extension pop on this screen. */
export function MyExtension() {
  const me = useSignedIn()!;
  const extensions = useExtensions();
  const mine = extensions.data?.find((e) => e.agentId === me.id);
  const [value, setValue] = useState('');
  const seat = useSeatExtension();
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="my-extension">
      <Typography.Text>
        我的分机：<Typography.Text strong>{mine ? mine.extension : '未设置（来电不会弹屏）'}</Typography.Text>
      </Typography.Text>
      <Space.Compact>
        <Input
          aria-label="分机号"
          placeholder="分机号"
          style={{ width: 110 }}
          value={value}
          onChange={(e) => setValue(e.target.value.trim())}
        />
        <Button disabled={!value} loading={seat.isPending} onClick={() => seat.mutate({ extension: value, agentId: me.id })}>
          设为我的分机
        </Button>
      </Space.Compact>
      {seat.error && <Alert type="error" title={seat.error.message} />}
    </Space>
  );
}
