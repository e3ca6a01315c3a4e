import { Badge, Table, Title, Stack } from '@mantine/core';
import { call, type OfferView, type Page, type RequestView } from '../api';
import { LoadState } from '../components/LoadState';
import { useConsole } from '../context';
import type { MessageKey } from '../i18n/messages';
import { useLoad } from '../use-load';

/** A country's own requests, or a donor's own offers (the services restrict what each may see). */
export function MinePage() {
  const { api, t, label, session, date } = useConsole();
  const donor = session?.role === 'donor';
  const rows = useLoad(async () => {
    if (donor) return (await call<Page<OfferView>>(api, 'GET', `/v1/offers?providerId=${session?.providerId}&limit=100`)).items;
    return (await call<Page<RequestView>>(api, 'GET', `/v1/requests?country=${session?.country}&limit=100`)).items;
  }, [api, donor]);
  const status = (s: string) => <Badge variant="light">{t(`status.${s}` as MessageKey)}</Badge>;
  return (
    <Stack>
      <Title order={1} size="h2">{t(donor ? 'nav.offers' : 'nav.requests')}</Title>
      <LoadState loaded={rows} isEmpty={(r) => r.length === 0}>
        {(items) => (
          <Table.ScrollContainer minWidth={480}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('title')}</Table.Th>
                  <Table.Th scope="col">{t('status')}</Table.Th>
                  <Table.Th scope="col">{t('capacityAreas')}</Table.Th>
                  <Table.Th scope="col">{t('window')}</Table.Th>
                  {donor && <Table.Th scope="col">{t('freeSlots')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>{x.title}</Table.Td>
                    <Table.Td>{status(x.status)}</Table.Td>
                    <Table.Td>{x.capacityAreas.map((a) => label('capacityAreas', a)).join(', ')}</Table.Td>
                    <Table.Td>{date(x.window.start)} – {date(x.window.end)}</Table.Td>
                    {donor && <Table.Td>{(x as OfferView).remainingSlots} / {(x as OfferView).slots}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </LoadState>
    </Stack>
  );
}
