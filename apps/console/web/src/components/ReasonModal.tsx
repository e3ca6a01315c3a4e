import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useConsole } from '../context';
import { useAction } from '../use-action';
import type { MessageKey } from '../i18n/messages';

const CODES = ['capacity-mismatch', 'language-mismatch', 'provider-unsuitable', 'budget', 'timing', 'other'] as const;

export interface ReasonInput { reason: string; reasonCode?: string }

/** Asks for a reason (3–1000 characters), and for rejections optionally a reason code. */
export function ReasonModal({ title, opened, withCode, onClose, onSubmit }: {
  title: string; opened: boolean; withCode?: boolean; onClose: () => void; onSubmit: (input: ReasonInput) => Promise<void>;
}) {
  const { t } = useConsole();
  const [reason, setReason] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const action = useAction();
  const valid = reason.trim().length >= 3 && reason.length <= 1000;
  const submit = () => action.run(async () => {
    await onSubmit({ reason: reason.trim(), ...(code ? { reasonCode: code } : {}) });
    setReason('');
    setCode(null);
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack>
        <Textarea label={t('reason')} description={t('reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
          minRows={3} maxLength={1000} required error={action.error} data-autofocus />
        {withCode && (
          <Select label={t('reasonCode')} value={code} onChange={setCode} clearable placeholder={t('reasonCode.none')}
            data={CODES.map((c) => ({ value: c, label: t(`reasonCode.${c}` as MessageKey) }))} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('close')}</Button>
          <Button onClick={() => void submit()} loading={action.busy} disabled={!valid}>{t('submit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
