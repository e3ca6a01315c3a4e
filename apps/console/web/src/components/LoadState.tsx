import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useConsole } from '../context';
import type { Loaded } from '../use-load';

/** Loading, error (with retry) and empty states around a loaded value. */
export function LoadState<T>({ loaded, isEmpty, children }: { loaded: Loaded<T>; isEmpty?: (d: T) => boolean; children: (d: T) => ReactNode }) {
  const { t } = useConsole();
  if (loaded.error) {
    return (
      <Alert color="red" title={t('error')} role="alert">
        <Group justify="space-between">
          <Text size="sm">{loaded.error}</Text>
          <Button size="xs" variant="light" onClick={loaded.reload}>{t('retry')}</Button>
        </Group>
      </Alert>
    );
  }
  if (loaded.data === null) return <Group gap="xs" role="status"><Loader size="sm" /><Text size="sm">{t('loading')}</Text></Group>;
  if (isEmpty?.(loaded.data)) return <Text c="dimmed" size="sm">{t('empty')}</Text>;
  return <>{children(loaded.data)}</>;
}
