import { BarChart } from '@mantine/charts';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, download, type CoverageReport } from '../api';
import { LoadState } from '../components/LoadState';
import { useConsole } from '../context';
import type { MessageKey } from '../i18n/messages';
import { useLoad } from '../use-load';

function ChartCard({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `chart-${title.replace(/\W+/g, '-')}`;
  return (
    <Card withBorder component="figure" m={0} aria-labelledby={id} data-chart>
      <figcaption><Title order={2} size="h5" id={id} mb="sm">{title}</Title></figcaption>
      {/* Charts are laid out left to right and mirrored through their axes for Arabic: in an RTL
          document SVG text anchors flip, and axis labels would run into the bars. */}
      <div dir="ltr">{children}</div>
    </Card>
  );
}

/** Coordinators: where needs are met and where they are not (resolution 78/311, op. 9 and 15). */
export function DashboardPage() {
  const { api, t, label, lang } = useConsole();
  const [error, setError] = useState<string | null>(null);
  const report = useLoad(() => call<CoverageReport>(api, 'GET', '/v1/reports/coverage'), [api]);
  const series = [{ name: 'open', label: t('open'), color: 'blue.6' }, { name: 'matched', label: t('matched'), color: 'teal.6' }];
  const save = (path: string, accept: string, file: string) => download(api, path, accept, file).catch((e: unknown) => setError(String(e)));
  const rtl = lang === 'ar';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('nav.dashboard')}</Title>
        <Group>
          <Button variant="light" onClick={() => void save('/v1/reports/coverage', 'text/csv', 'capmatch-coverage.csv')}>{t('downloadCsv')}</Button>
          <Button variant="light" onClick={() => void save('/v1/exports/iati', 'application/xml', 'capmatch-iati-activities.xml')}>{t('downloadIati')}</Button>
        </Group>
      </Group>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <LoadState loaded={report}>
        {(r) => {
          const bars = <T extends { open: number; matched: number }>(rows: T[], name: (x: T) => string) =>
            rows.map((x) => ({ name: name(x), open: x.open, matched: x.matched }));
          const chart = (data: { name: string }[]) => (
            <BarChart h={Math.max(200, data.length * 34)} data={data} dataKey="name" series={series} orientation="vertical" withLegend
              yAxisProps={{ width: 150, orientation: rtl ? 'right' : 'left' }} xAxisProps={{ reversed: rtl, allowDecimals: false }} />
          );
          const types = r.partnershipsByCooperationType.map((x) => ({ name: label('cooperationTypes', x.cooperationType), partnerships: x.partnerships }));
          return (
            <>
              <Text size="sm">{t('open')}: {r.requests.open} · {t('matched')}: {r.requests.matched}</Text>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <ChartCard title={t('byRegion')}>{chart(bars(r.byRegion, (x) => label('regions', x.region)))}</ChartCard>
                <ChartCard title={t('byCapacityArea')}>{chart(bars(r.byCapacityArea, (x) => label('capacityAreas', x.capacityArea)))}</ChartCard>
                <ChartCard title={t('byGroup')}>{chart(bars(r.byGroup, (x) => label('groups', x.group)))}</ChartCard>
                <ChartCard title={t('byTargetGroup')}>{chart(bars(r.byTargetGroup, (x) => label('targetGroups', x.targetGroup)))}</ChartCard>
                <ChartCard title={t('byCooperationType')}>
                  <BarChart h={200} data={types} dataKey="name" series={[{ name: 'partnerships', label: t('partnerships'), color: 'grape.6' }]}
                    xAxisProps={{ reversed: rtl, interval: 0 }} yAxisProps={{ orientation: rtl ? 'right' : 'left', allowDecimals: false }} />
                </ChartCard>
              </SimpleGrid>
              <section aria-labelledby="gaps-heading">
                <Title order={2} size="h4" id="gaps-heading">{t('gaps')} ({r.gaps.count})</Title>
                {r.gaps.requests.length === 0 ? <Text size="sm" c="dimmed">{t('empty')}</Text> : (
                  <Table.ScrollContainer minWidth={420}>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          {(['country', 'region', 'capacityAreas'] as MessageKey[]).map((k) => <Table.Th scope="col" key={k}>{t(k)}</Table.Th>)}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {r.gaps.requests.map((g) => (
                          <Table.Tr key={g.requestId}>
                            <Table.Td>{g.country}</Table.Td>
                            <Table.Td>{label('regions', g.region)}</Table.Td>
                            <Table.Td>{g.capacityAreas.map((a) => label('capacityAreas', a)).join(', ')}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </section>
            </>
          );
        }}
      </LoadState>
    </Stack>
  );
}
