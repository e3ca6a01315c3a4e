import { Alert, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, type OfferView, type Page, type Partnership, type RequestView } from '../api';
import { LoadState } from '../components/LoadState';
import { ReasonModal } from '../components/ReasonModal';
import { useConsole } from '../context';
import type { MessageKey } from '../i18n/messages';
import { isCoordinator, type Session } from '../session';
import { useAction } from '../use-action';
import { useLoad } from '../use-load';

interface Detailed { partnership: Partnership; request: RequestView | null; offers: OfferView[] }

const statusOf = (p: Partnership) => p.status ?? 'agreed';
// Shades dark or light enough for AA contrast with the text autoContrast picks (white or black).
const STATUS_COLOUR: Record<string, string> = { pending: 'yellow.4', agreed: 'teal.9', declined: 'gray.7', cancelled: 'gray.7', expired: 'gray.7' };

/** Offers of the partnership that this caller confirms for, and whether it still has to. */
function myParties(d: Detailed, s: Session): { mine: boolean; waiting: boolean } {
  const confirmations = d.partnership.confirmations ?? [];
  if (s.role === 'country') {
    const mine = d.partnership.country === s.country;
    return { mine, waiting: mine && !confirmations.some((c) => c.party === 'country') };
  }
  if (s.role === 'donor') {
    const own = d.offers.filter((o) => o.providerId === s.providerId).map((o) => o.id);
    return { mine: own.length > 0, waiting: own.some((id) => !confirmations.some((c) => c.party === 'provider' && c.offerId === id)) };
  }
  return { mine: false, waiting: false };
}

/** Everyone: partnerships they may see. Coordinators cancel pending ones; parties confirm or decline. */
export function PartnershipsPage() {
  const { api, t, session } = useConsole();
  const [notice, setNotice] = useState<string | null>(null);
  const list = useLoad(async (): Promise<Detailed[]> => {
    const page = await call<Page<Partnership>>(api, 'GET', '/v1/partnerships?limit=100');
    const requests = new Map<string, Promise<RequestView | null>>();
    const offers = new Map<string, Promise<OfferView | null>>();
    const requestOf = (id: string) => requests.get(id) ?? requests.set(id, call<RequestView>(api, 'GET', `/v1/requests/${id}`).catch(() => null)).get(id)!;
    const offerOf = (id: string) => offers.get(id) ?? offers.set(id, call<OfferView>(api, 'GET', `/v1/offers/${id}`).catch(() => null)).get(id)!;
    return Promise.all(page.items.map(async (p) => ({
      partnership: p,
      request: await requestOf(p.requestId),
      offers: (await Promise.all(p.offerIds.map(offerOf))).filter((o): o is OfferView => o !== null),
    })));
  }, [api]);
  const coordinator = session !== null && isCoordinator(session);
  const changed = (message: string) => {
    setNotice(message);
    list.reload();
  };
  return (
    <Stack>
      <Title order={1} size="h2">{t('nav.partnerships')}</Title>
      {notice && <Alert color="teal" role="status" withCloseButton closeButtonLabel={t('close')} onClose={() => setNotice(null)}>{notice}</Alert>}
      <LoadState loaded={list}>
        {(items) => {
          const pending = items.filter((d) => statusOf(d.partnership) === 'pending');
          const waiting = coordinator ? pending : pending.filter((d) => session && myParties(d, session).waiting);
          const otherPending = coordinator ? [] : pending.filter((d) => !waiting.includes(d));
          const sections: [MessageKey, Detailed[]][] = [
            [coordinator ? 'pendingPartnerships' : 'awaitingYou', waiting],
            ...(otherPending.length ? [['pendingPartnerships', otherPending] as [MessageKey, Detailed[]]] : []),
            ['agreedPartnerships', items.filter((d) => statusOf(d.partnership) === 'agreed')],
            ['endedPartnerships', items.filter((d) => !['pending', 'agreed'].includes(statusOf(d.partnership)))],
          ];
          return sections.map(([heading, entries]) => (
            <section key={heading} aria-labelledby={`h-${heading}`}>
              <Title order={2} size="h4" id={`h-${heading}`} mb="xs">{t(heading)} ({entries.length})</Title>
              {entries.length === 0 ? <Text size="sm" c="dimmed">{t('empty')}</Text> : (
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  {entries.map((d) => <PartnershipCard key={d.partnership.id} detailed={d} onChange={changed} />)}
                </SimpleGrid>
              )}
            </section>
          ));
        }}
      </LoadState>
    </Stack>
  );
}

function PartnershipCard({ detailed: d, onChange }: { detailed: Detailed; onChange: (notice: string) => void }) {
  const { api, t, label, session, date } = useConsole();
  const [asking, setAsking] = useState<'decline' | 'cancel' | null>(null);
  const action = useAction();
  // The answer to confirm is the partnership as it now stands: shown at once, before the list reloads.
  const [p, setP] = useState(d.partnership);
  useEffect(() => setP(d.partnership), [d.partnership]);
  const status = statusOf(p);
  const confirmations = p.confirmations ?? [];
  const parties = session ? myParties({ ...d, partnership: p }, session) : { mine: false, waiting: false };
  const headingId = `partnership-${p.id}`;
  const confirm = () => action.run(async () => {
    setP(await call<Partnership>(api, 'POST', `/v1/partnerships/${p.id}/confirm`));
    onChange(t('confirmedNotice'));
  });
  const partyLine = (key: string, text: string, at: string | undefined) => (
    <List.Item key={key}>{text}: {at ? t('confirmedAt', { at: date(at) }) : t('notYetConfirmed')}</List.Item>
  );
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-partnership={p.id} data-status={status}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5" id={headingId}>{d.request?.title ?? p.requestId}</Title>
        <Badge color={STATUS_COLOUR[status] ?? 'gray.7'} autoContrast style={{ flexShrink: 0 }}>{t(`status.${status}` as MessageKey)}</Badge>
      </Group>
      <Text size="sm">{p.country} · {label('cooperationTypes', p.cooperationType)}</Text>
      {d.offers.map((o) => <Text size="sm" key={o.id}><b>{o.provider.name}</b> — {o.title}</Text>)}
      {p.reason && <Text size="sm" c="dimmed">{t('reason')}: {p.reason}</Text>}
      {status === 'pending' && (
        <>
          <Text size="sm" fw={600} mt="sm">{t('confirmations')}</Text>
          <List size="sm">
            {partyLine('country', t('party.country'), confirmations.find((c) => c.party === 'country')?.at)}
            {d.offers.map((o) => partyLine(o.id, `${t('party.provider')} ${o.provider.name}`,
              confirmations.find((c) => c.party === 'provider' && c.offerId === o.id)?.at))}
          </List>
          {p.expiresAt && <Text size="xs" c="dimmed" mt={4}>{t('expires')}: {date(p.expiresAt)}</Text>}
          {action.error && <Alert color="red" mt="sm" role="alert">{action.error}</Alert>}
          <Group mt="md">
            {parties.waiting && <Button onClick={() => void confirm()} loading={action.busy} aria-describedby={headingId}>{t('confirm')}</Button>}
            {parties.mine && <Button variant="outline" color="red" onClick={() => setAsking('decline')} aria-describedby={headingId}>{t('decline')}</Button>}
            {session && isCoordinator(session) && (
              <Button variant="outline" color="red" onClick={() => setAsking('cancel')} aria-describedby={headingId}>{t('cancelPartnership')}</Button>
            )}
          </Group>
        </>
      )}
      <ReasonModal title={asking === 'cancel' ? t('cancelPartnership') : t('decline')} opened={asking !== null} onClose={() => setAsking(null)}
        onSubmit={async ({ reason }) => {
          await call(api, 'POST', `/v1/partnerships/${p.id}/${asking}`, { reason });
          onChange(t(asking === 'cancel' ? 'status.cancelled' : 'status.declined'));
        }} />
    </Card>
  );
}
