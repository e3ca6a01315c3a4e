import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './console.css';
import { createTheme, DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { UNAUTHORIZED_EVENT } from './api';
import { App } from './App';
import { ConsoleProvider, useConsole } from './context';
import { SignInPage } from './pages/SignInPage';
import { sessionOf, storedToken, storeToken, type Session } from './session';

// Blue 8 on white keeps body-size text above WCAG AA contrast.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, fontFamily: 'system-ui, "Noto Sans", "Noto Sans Arabic", "Noto Sans SC", sans-serif' });

/** Mantine reads the direction from its provider; switching to Arabic and back updates it. */
function DirectionSync({ dir }: { dir: 'ltr' | 'rtl' }) {
  const { setDirection } = useDirection();
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}

function Themed({ children }: { children: React.ReactNode }) {
  const { dir } = useConsole();
  return (
    <DirectionProvider initialDirection={dir} detectDirection={false}>
      <DirectionSync dir={dir} />
      <MantineProvider theme={theme} forceColorScheme="light">
        <div dir={dir}>{children}</div>
      </MantineProvider>
    </DirectionProvider>
  );
}

function Root() {
  const [session, setSession] = useState<Session | null>(() => {
    const token = storedToken();
    return token ? sessionOf(token) : null;
  });
  const signIn = useCallback((token: string) => {
    storeToken(token);
    setSession(sessionOf(token));
  }, []);
  const signOut = useCallback(() => {
    storeToken(null);
    setSession(null);
  }, []);
  useEffect(() => {
    window.addEventListener(UNAUTHORIZED_EVENT, signOut);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, signOut);
  }, [signOut]);
  return (
    <ConsoleProvider session={session}>
      <Themed>{session ? <App key={session.token} session={session} onSignOut={signOut} /> : <SignInPage onToken={signIn} />}</Themed>
    </ConsoleProvider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Root /></StrictMode>);
