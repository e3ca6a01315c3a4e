import { Anchor, AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState, type ComponentType } from 'react';
import { LanguagePicker } from './components/LanguagePicker';
import { useConsole } from './context';
import type { MessageKey } from './i18n/messages';
import { AllocationsPage } from './pages/AllocationsPage';
import { DashboardPage } from './pages/DashboardPage';
import { MinePage } from './pages/MinePage';
import { PartnershipsPage } from './pages/PartnershipsPage';
import { ReviewPage } from './pages/ReviewPage';
import { isCoordinator, type Session } from './session';

interface PageEntry { path: string; label: MessageKey; component: ComponentType }

function pagesFor(session: Session): PageEntry[] {
  if (isCoordinator(session)) {
    return [
      { path: 'review', label: 'nav.review', component: ReviewPage },
      { path: 'partnerships', label: 'nav.partnerships', component: PartnershipsPage },
      { path: 'allocations', label: 'nav.allocations', component: AllocationsPage },
      { path: 'dashboard', label: 'nav.dashboard', component: DashboardPage },
    ];
  }
  return [
    { path: 'partnerships', label: 'nav.partnerships', component: PartnershipsPage },
    { path: 'mine', label: session.role === 'donor' ? 'nav.offers' : 'nav.requests', component: MinePage },
  ];
}

/** The page named by the URL's hash (#/dashboard), so every page has an address to link and reload. */
function useHashPath(): [string, (path: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '');
  const [path, setPath] = useState(read);
  useEffect(() => {
    const onChange = () => setPath(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [path, (next) => { window.location.hash = `/${next}`; }];
}

export function App({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { t } = useConsole();
  const [opened, { toggle, close }] = useDisclosure();
  const [path, go] = useHashPath();
  const pages = pagesFor(session);
  const current = pages.find((p) => p.path === path) ?? pages[0];
  const Page = current.component;
  useEffect(() => {
    document.title = `${t(current.label)} · ${t('appName')}`;
  }, [current, t]);
  const who = session.country ?? session.providerId ?? session.sub;
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <Anchor href="#main" className="skip-link">{t('skipToContent')}</Anchor>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('mainNavigation')} aria-expanded={opened} />
            <Text fw={700} size="lg" visibleFrom="xs">{t('appName')}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap" align="flex-end">
            <div>
              <Text size="xs" c="dimmed" visibleFrom="md">{t('signedInAs')}</Text>
              <Badge data-role={session.role} title={who}>{t(`role.${session.role}` as MessageKey)}</Badge>
            </div>
            <Group gap="sm" wrap="nowrap" align="flex-end" visibleFrom="sm">
              <LanguagePicker />
              <Button size="xs" variant="default" onClick={onSignOut}>{t('signOut')}</Button>
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('mainNavigation')}>
        {pages.map((p) => (
          <NavLink key={p.path} href={`#/${p.path}`} label={t(p.label)} variant="filled" active={p === current}
            aria-current={p === current ? 'page' : undefined} onClick={(e) => { e.preventDefault(); go(p.path); close(); }} />
        ))}
        {/* On a phone the header has room for the role only: language and sign-out live here. */}
        <Stack hiddenFrom="sm" gap="xs" p="xs" mt="md">
          <LanguagePicker />
          <Button size="xs" variant="default" onClick={onSignOut}>{t('signOut')}</Button>
        </Stack>
        <Text size="xs" c="dimmed" mt="auto" p="xs" style={{ overflowWrap: 'anywhere' }}>{who}</Text>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Page />
      </AppShell.Main>
    </AppShell>
  );
}
