import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Input, InputRef, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Household } from '../api/types';
import { useCall } from './call-draft';
import { CallerCard } from './CallerCard';
import { IntakeForm } from './IntakeForm';
import { parsePhoneQuery } from './intake-rules';
import { RegisterHousehold } from './RegisterHousehold';
import { MyExtension } from '../telephony/MyExtension';
import type { ScreenPop } from '../telephony/calls';

/** The call the phone system put through: ringing, on the line with this agent, or over. */
function PopBanner({ pop }: { pop: ScreenPop }) {
  const [state, colour] = pop.ended ? ['通话已结束', 'default'] : pop.locked ? ['通话中', 'green'] : ['振铃中', 'orange'];
  return (
    <Alert
      type={pop.ended ? 'info' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="screen-pop"
      title={
        <Space>
          来电 {pop.number}
          <Tag color={colour} data-testid="call-state">
            {state}
          </Tag>
          {pop.locked && <Typography.Text type="secondary">本次受理的诉求会记入这通电话</Typography.Text>}
        </Space>
      }
    />
  );
}

/** F2 anywhere in the console jumps to the phone search, as a call comes in. */
const SEARCH_SHORTCUT = 'F2';

/** The call-centre workspace: find the caller, then log what they need. */
export function WorkspacePage() {
  const { draft, update, endCall } = useCall();
  const search = useRef<InputRef>(null);
  const query = draft.search ? parsePhoneQuery(draft.search) : undefined;
  const lookup = query && !('error' in query) ? query : undefined;
  const callers = useQuery({
    queryKey: ['callers', lookup],
    enabled: !!lookup,
    queryFn: async (): Promise<Household[]> => ok(api.GET('/api/request/callers', { params: { query: lookup! } })),
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === SEARCH_SHORTCUT) {
        e.preventDefault();
        search.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const households = callers.data ?? [];
  const selected = households.find((h: Household) => h.id === draft.householdId);

  useEffect(() => {
    if (households.length === 1 && !selected) update({ householdId: households[0].id });
  }, [households, selected, update]);

  return (
    <Row gutter={24}>
      <Col xs={24} lg={11}>
        <MyExtension />
        {draft.pop && <PopBanner pop={draft.pop} />}
        <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
          <Input.Search
            key={draft.pop?.callId ?? (draft.search ? 'call' : 'idle')}
            ref={search}
            autoFocus
            size="large"
            allowClear
            enterButton="查找来电户"
            placeholder={`来电号码或后 4 位（${SEARCH_SHORTCUT} 聚焦）`}
            defaultValue={draft.search}
            onSearch={(value) => update({ search: value.trim(), householdId: undefined })}
            aria-label="来电号码"
          />
        </Space.Compact>
        {query && 'error' in query && <Alert type="warning" title={query.error} />}
        {callers.isError && <Alert type="error" title={(callers.error as Error).message} />}
        {lookup && callers.isSuccess && households.length === 0 && (
          <>
            <Alert type="info" showIcon title="未找到该号码的登记住户" style={{ marginBottom: 12 }} data-testid="unknown-caller" />
            {'phone' in lookup && (
              <RegisterHousehold
                phone={lookup.phone}
                onRegistered={(h) => {
                  update({ householdId: h.id });
                  void callers.refetch();
                }}
              />
            )}
          </>
        )}
        {households.map((h: Household) => (
          <CallerCard key={h.id} household={h} selected={h.id === draft.householdId} onSelect={() => update({ householdId: h.id })} />
        ))}
        {!draft.search && <Empty description="来电时输入号码查找住户" />}
        {draft.search && (
          <Button
            style={{ marginTop: 12 }}
            onClick={() => {
              endCall();
              search.current?.focus();
            }}
          >
            结束本次来电
          </Button>
        )}
      </Col>
      <Col xs={24} lg={13}>
        {selected ? (
          <IntakeForm key={selected.id} household={selected} />
        ) : (
          <Typography.Paragraph type="secondary">找到并选定来电户后，在此受理诉求。</Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}
