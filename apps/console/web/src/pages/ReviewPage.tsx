import { Alert, Badge, Button, Card, Grid, Group, NavLink, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { call, type OfferView, type Page, type RequestView, type Suggestion } from '../api';
import { Explanation } from '../components/Explanation';
import { LoadState } from '../components/LoadState';
import { ReasonModal } from '../components/ReasonModal';
import { useConsole } from '../context';
import { useAction } from '../use-action';
import { useLoad } from '../use-load';

interface QueueEntry { request: RequestView; suggestions: Suggestion[] }

/** Coordinators: open requests with proposed suggestions; one request's suggestions side by side. */
export function ReviewPage() {
  const { api, t } = useConsole();
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Side by side from md up; on a phone the list is short so the suggestions stay in reach.
  const wide = useMediaQuery('(min-width: 62em)');
  const queue = useLoad(async (): Promise<QueueEntry[]> => {
    const page = await call<Page<Suggestion>>(api, 'GET', '/v1/suggestions?status=proposed&limit=200');
    const byRequest = new Map<string, Suggestion[]>();
    for (const s of page.items) byRequest.set(s.requestId, [...(byRequest.get(s.requestId) ?? []), s]);
    const requests = await Promise.all([...byRequest.keys()].slice(0, 40).map((id) =>
      call<RequestView>(api, 'GET', `/v1/requests/${id}`).catch(() => null)));
    return requests.filter((r): r is RequestView => r !== null && r.status === 'open')
      .map((request) => ({ request, suggestions: byRequest.get(request.id) ?? [] }));
  }, [api]);
  const done = (message: string) => {
    setNotice(message);
    setSelected(null);
    queue.reload();
  };
  return (
    <Stack>
      <Title order={1} size="h2">{t('nav.review')}</Title>
      <Text size="sm">{t('reviewIntro')}</Text>
      {notice && <Alert color="teal" role="status" withCloseButton closeButtonLabel={t('close')} onClose={() => setNotice(null)}>{notice}</Alert>}
      <LoadState loaded={queue} isEmpty={(q) => q.length === 0}>
        {(entries) => {
          const current = entries.find((e) => e.request.id === selected) ?? entries[0];
          return (
            <Grid>
              <Grid.Col span={{ base: 12, md: 3 }}>
                <nav aria-label={t('requests')}>
                  <Title order={2} size="h4" mb="xs">{t('requests')}</Title>
                  <ScrollArea.Autosize mah={wide ? '75vh' : '35vh'} type="auto" offsetScrollbars>
                  {entries.map((e) => (
                    <NavLink key={e.request.id} component="button" variant="filled" active={e.request.id === current.request.id}
                      label={e.request.title} description={`${e.request.country} · ${e.suggestions.length}`}
                      aria-current={e.request.id === current.request.id ? 'true' : undefined}
                      onClick={() => setSelected(e.request.id)} />
                  ))}
                  </ScrollArea.Autosize>
                </nav>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 9 }}>
                <RequestSuggestions entry={current} onDone={done} />
              </Grid.Col>
            </Grid>
          );
        }}
      </LoadState>
    </Stack>
  );
}

function RequestSuggestions({ entry, onDone }: { entry: QueueEntry; onDone: (notice: string) => void }) {
  const { t, label } = useConsole();
  const r = entry.request;
  return (
    <Stack>
      <div>
        <Title order={2} size="h3">{t('suggestionsFor')} {r.title}</Title>
        <Text size="sm" c="dimmed">{r.country} · {r.capacityAreas.map((a) => label('capacityAreas', a)).join(', ')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(3, Math.max(1, entry.suggestions.length)) }}>
        {entry.suggestions.map((s, i) => <SuggestionCard key={s.id} suggestion={s} rank={i + 1} onDone={onDone} />)}
      </SimpleGrid>
    </Stack>
  );
}

function SuggestionCard({ suggestion: s, rank, onDone }: { suggestion: Suggestion; rank: number; onDone: (notice: string) => void }) {
  const { api, t, label, number } = useConsole();
  const [rejecting, setRejecting] = useState(false);
  const action = useAction();
  const offers = useLoad(() => Promise.all(s.offerIds.map((id) => call<OfferView>(api, 'GET', `/v1/offers/${id}`))), [api, s.offerIds.join()]);
  const accept = () => action.run(async () => {
    await call(api, 'POST', `/v1/suggestions/${s.id}/accept`);
    onDone(t('acceptedNotice'));
  });
  const headingId = `suggestion-${s.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-suggestion={s.id}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id={headingId}>#{rank} · {label('cooperationTypes', s.cooperationType)}</Title>
        <Badge size="lg" variant="light" aria-label={`${t('score')} ${number(s.score)}`}>{number(s.score, 2)}</Badge>
      </Group>
      <LoadState loaded={offers}>
        {(list) => (
          <Stack gap={2} mb="sm">
            {list.map((o) => (
              <Text key={o.id} size="sm"><b>{o.provider.name}</b> — {o.title}{o.role === 'facilitator' ? ` (${o.role})` : ''}</Text>
            ))}
          </Stack>
        )}
      </LoadState>
      <Text size="sm" fw={600} mb={4}>{t('explanation')}</Text>
      <Explanation entries={s.explanation} idPrefix={s.id} />
      {action.error && <Alert color="red" mt="sm" role="alert">{action.error}</Alert>}
      <Group mt="md" grow>
        <Button onClick={() => void accept()} loading={action.busy} aria-describedby={headingId}>{t('accept')}</Button>
        <Button variant="outline" color="red" onClick={() => setRejecting(true)} aria-describedby={headingId}>{t('reject')}</Button>
      </Group>
      <ReasonModal title={`${t('reject')} #${rank}`} opened={rejecting} withCode onClose={() => setRejecting(false)}
        onSubmit={async (input) => {
          await call(api, 'POST', `/v1/suggestions/${s.id}/reject`, input);
          onDone(t('rejectedNotice'));
        }} />
    </Card>
  );
}
