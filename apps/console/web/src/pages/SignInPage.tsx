import { Alert, Button, Card, Container, Divider, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, type Country, type Page, type Provider } from '../api';
import { LanguagePicker } from '../components/LanguagePicker';
import { useConsole } from '../context';
import type { MessageKey } from '../i18n/messages';
import { sessionOf, type Role } from '../session';

const ROLES: Role[] = ['coordinator', 'country', 'donor', 'admin'];

const mint = (lang: string, body: Record<string, string>) =>
  call<{ token: string }>({ token: null, lang }, 'POST', '/console/dev-token', body).then((r) => r.token);

/** Paste a token; outside production, or let the console sign a development token. */
export function SignInPage({ onToken }: { onToken: (token: string) => void }) {
  const { t, lang } = useConsole();
  const [pasted, setPasted] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [devTokens, setDevTokens] = useState(false);
  useEffect(() => {
    call<{ devTokens: boolean }>({ token: null, lang }, 'GET', '/console/session-options').then((o) => setDevTokens(o.devTokens), () => setDevTokens(false));
  }, [lang]);
  const submit = () => {
    if (sessionOf(pasted)) onToken(pasted.trim());
    else setInvalid(true);
  };
  return (
    <Container size={520} py="xl">
      <Group justify="space-between" align="flex-end" mb="md">
        <Title order={1} size="h2">{t('appName')}</Title>
        <LanguagePicker />
      </Group>
      <Card withBorder padding="lg">
        <Stack>
          <Title order={2} size="h3">{t('signInTitle')}</Title>
          <Text size="sm">{t('signInIntro')}</Text>
          <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
            <Stack>
              <Textarea label={t('tokenLabel')} description={t('tokenHint')} value={pasted} autosize minRows={3} spellCheck={false}
                onChange={(e) => { setPasted(e.currentTarget.value); setInvalid(false); }} error={invalid ? t('invalidToken') : undefined}
                styles={{ input: { fontFamily: 'monospace', direction: 'ltr' } }} />
              <Button type="submit">{t('signIn')}</Button>
            </Stack>
          </form>
          {devTokens && (
            <>
              <Divider label={t('devTitle')} labelPosition="center" />
              <DevTokenPicker onToken={onToken} />
            </>
          )}
        </Stack>
      </Card>
    </Container>
  );
}

function DevTokenPicker({ onToken }: { onToken: (token: string) => void }) {
  const { t, lang } = useConsole();
  const [role, setRole] = useState<Role>('coordinator');
  const [country, setCountry] = useState<string | null>(null);
  const [provider, setProvider] = useState<string | null>(null);
  const [countries, setCountries] = useState<{ value: string; label: string }[]>([]);
  const [providers, setProviders] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The pickers' lists come from the services, read with a short-lived coordinator token.
  useEffect(() => {
    if (role !== 'country' && role !== 'donor') return;
    let live = true;
    mint(lang, { role: 'coordinator', sub: 'console-picker' }).then(async (token) => {
      const api = { token, lang };
      if (role === 'country') {
        const page = await call<Page<Country>>(api, 'GET', '/v1/countries?limit=200');
        if (live) setCountries(page.items.map((c) => ({ value: c.iso3, label: `${c.name} (${c.iso3})` })));
      } else {
        const page = await call<Page<Provider>>(api, 'GET', '/v1/providers?limit=200');
        if (live) setProviders(page.items.map((p) => ({ value: p.id, label: p.name })));
      }
    }).catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [role, lang]);

  const ready = role === 'country' ? country !== null : role === 'donor' ? provider !== null : true;
  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, string> = { role };
      if (role === 'country' && country) body.country = country;
      if (role === 'donor' && provider) body.providerId = provider;
      onToken(await mint(lang, body));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('devHint')}</Text>
      <Select label={t('role')} value={role} onChange={(v) => v && setRole(v as Role)} allowDeselect={false}
        data={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
      {role === 'country' && <Select label={t('country')} value={country} onChange={setCountry} data={countries} searchable />}
      {role === 'donor' && <Select label={t('provider')} value={provider} onChange={setProvider} data={providers} searchable />}
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <Button variant="light" onClick={() => void signIn()} disabled={!ready} loading={busy}>{t('signInDev')}</Button>
    </Stack>
  );
}
