import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';

export interface ReasonAction {
  /** The button's words, and the toast's: 已<label>. */
  label: string;
  /** What the reason box asks for. */
  prompt: string;
  danger?: boolean;
  /** When false the reason may be left empty (an approval needs none). */
  reasonRequired?: boolean;
}

/**
 * A status change that records why: a button opening a dialog with the reason, sent once on 确定.
 * The services keep the reason in the history and the audit log; what the change touched is
 * refetched, so the page shows the new state from the service rather than a guess.
 */
export function ReasonButton({
  action,
  subject,
  send,
  refresh,
}: {
  action: ReasonAction;
  /** Whom it concerns, for the dialog's title. */
  subject: string;
  send: (reason: string) => Promise<unknown>;
  refresh: QueryKey[];
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const change = useMutation({
    mutationFn: () => send(reason.trim()),
    onSuccess: async () => {
      await Promise.all(refresh.map((queryKey) => qc.invalidateQueries({ queryKey })));
      void message.success(`已${action.label}`);
      setOpen(false);
      setReason('');
    },
  });
  const required = action.reasonRequired ?? true;
  return (
    <>
      <Button
        danger={action.danger}
        type={action.danger ? 'default' : 'primary'}
        onClick={() => {
          change.reset();
          setOpen(true);
        }}
      >
        {action.label}
      </Button>
      <Modal
        open={open}
        title={`${action.label}：${subject}`}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ disabled: required && !reason.trim(), danger: action.danger }}
        confirmLoading={change.isPending}
        onOk={() => change.mutate()}
        onCancel={() => setOpen(false)}
      >
        {change.error && <Alert type="error" title={change.error.message} style={{ marginBottom: 12 }} />}
        <Form layout="vertical">
          <Form.Item label={action.prompt} required={required}>
            <Input.TextArea aria-label="原因" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
