import { BarChart } from '@mantine/charts';
import { Alert, Badge, Button, Card, Group, List, NumberInput, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, type AllocationPlan, type PlanStats } from '../api';
import { useConsole } from '../context';
import { useAction } from '../use-action';
import type { MessageKey } from '../i18n/messages';

interface ApplyResult { accepted: string[]; skipped: { suggestionId: string; reason: string }[] }

const STATS: [keyof PlanStats, MessageKey][] = [['served', 'served'], ['servedPriority', 'servedPriority'], ['totalScore', 'totalScore'], ['minScore', 'lowestScore']];

/** Coordinators: compute an allocation plan, compare it with the greedy order, apply it. */
export function AllocationsPage() {
  const { api, t, number } = useConsole();
  const [objective, setObjective] = useState<'fair' | 'total'>('fair');
  const [minScore, setMinScore] = useState<number | string>('');
  const [plan, setPlan] = useState<AllocationPlan | null>(null);
  const [applied, setApplied] = useState<ApplyResult | null>(null);
  const [running, setRunning] = useState<'compute' | 'apply' | null>(null);
  const action = useAction();
  const error = action.error;
  const run = (what: 'compute' | 'apply') => {
    setRunning(what);
    return action.run(async () => {
      if (what === 'compute') {
        setApplied(null);
        const body = { objective, ...(typeof minScore === 'number' ? { minScore } : {}) };
        setPlan(await call<AllocationPlan>(api, 'POST', '/v1/allocations', body));
      } else if (plan) {
        setApplied(await call<ApplyResult>(api, 'POST', `/v1/allocations/${plan.id}/apply`));
      }
    });
  };
  const busy = action.busy ? running : null;
  const show = (v: number | null) => (v === null ? '—' : number(v, 3));
  return (
    <Stack>
      <Title order={1} size="h2">{t('nav.allocations')}</Title>
      <Card withBorder>
        <Stack>
          <div>
            <Text size="sm" fw={500} id="objective-label">{t('objective')}</Text>
            <SegmentedControl aria-labelledby="objective-label" value={objective} onChange={(v) => setObjective(v as 'fair' | 'total')}
              data={[{ value: 'fair', label: t('objective.fair') }, { value: 'total', label: t('objective.total') }]} fullWidth
              orientation="horizontal" styles={{ label: { whiteSpace: 'normal' } }} />
          </div>
          <NumberInput label={t('minScore')} value={minScore} onChange={setMinScore} min={0} max={1} step={0.05} decimalScale={3} maw={200} />
          <Group>
            <Button onClick={() => void run('compute')} loading={busy === 'compute'}>{t('computePlan')}</Button>
            {plan && <Button color="teal" onClick={() => void run('apply')} loading={busy === 'apply'} disabled={applied !== null}>{t('applyPlan')}</Button>}
          </Group>
        </Stack>
      </Card>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {applied && <Alert color="teal" role="status">{t('appliedNotice', { accepted: applied.accepted.length, skipped: applied.skipped.length })}</Alert>}
      {plan && (
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">{t(`objective.${plan.objective}`)}</Title>
            <Badge color={plan.optimal ? 'teal' : 'yellow'}>{plan.optimal ? t('optimal') : t('notOptimal')} · {number(plan.solveMs, 0)} ms</Badge>
          </Group>
          <Table.ScrollContainer minWidth={320}>
            <Table striped>
              <Table.Thead><Table.Tr><Table.Th scope="col" /><Table.Th scope="col">{t('thisPlan')}</Table.Th><Table.Th scope="col">{t('greedy')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {STATS.map(([key, name]) => (
                  <Table.Tr key={key}><Table.Th scope="row">{t(name)}</Table.Th><Table.Td>{show(plan.stats[key])}</Table.Td><Table.Td>{show(plan.stats.greedy[key])}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <figure style={{ margin: 0 }} aria-label={`${t('thisPlan')} / ${t('greedy')}`}>
            <BarChart h={220} mt="md" dataKey="name" withLegend
              data={(['served', 'servedPriority'] as const).map((k) => ({ name: t(k), plan: plan.stats[k], greedy: plan.stats.greedy[k] }))}
              series={[{ name: 'plan', label: t('thisPlan'), color: 'blue.6' }, { name: 'greedy', label: t('greedy'), color: 'gray.5' }]} />
          </figure>
          {plan.unassigned.length > 0 && <Unassigned reasons={plan.unassigned.map((u) => u.reason)} />}
        </Card>
      )}
    </Stack>
  );
}

const UNASSIGNED = ['no-suggestion', 'below-min-score', 'no-free-slot', 'slots-taken', 'not-open'];

/** Why requests got nothing: one line per reason, with its count. */
function Unassigned({ reasons }: { reasons: string[] }) {
  const { t } = useConsole();
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return (
    <>
      <Text size="sm" fw={600} mt="sm">{t('unassigned')}: {reasons.length}</Text>
      <List size="sm">
        {[...counts].map(([reason, n]) => (
          <List.Item key={reason}>{UNASSIGNED.includes(reason) ? t(`unassigned.${reason}` as MessageKey) : reason}: {n}</List.Item>
        ))}
      </List>
    </>
  );
}
