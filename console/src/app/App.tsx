import { useEffect, useState } from 'react';
import { api, onSessionEnded } from '../api/client';
import type { ConsoleConfig, User } from '../api/types';
import { asApiError } from '../api/use-api-get';
import { currentUser, signOut } from '../features/auth/auth-api';
import { SetOwnPasswordPage } from '../features/auth/SetOwnPasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { ConsoleContext } from './console-context';
import { Shell } from './Shell';

type Start = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; config: ConsoleConfig; user: User | null };

const loadStart = async (): Promise<Start> => {
  const [config, user] = await Promise.all([api.get<ConsoleConfig>('/api/config'), currentUser()]);
  return { state: 'ready', config, user };
};

export const App = () => {
  const [start, setStart] = useState<Start>({ state: 'loading' });
  const [signedOutReason, setSignedOutReason] = useState<string>();

  useEffect(() => {
    loadStart().then(setStart, (error: unknown) => setStart({ state: 'failed', message: asApiError(error).message }));
  }, []);

  useEffect(
    () =>
      onSessionEnded(() => {
        setSignedOutReason('Sua sessão terminou. Entre de novo para continuar.');
        setStart((current) => (current.state === 'ready' ? { ...current, user: null } : current));
      }),
    [],
  );

  if (start.state === 'loading') return <Loading label="Abrindo o console…" />;
  if (start.state === 'failed')
    return (
      <main className="boot-error">
        <Notice tone="error">{start.message}</Notice>
      </main>
    );

  const { config, user } = start;
  if (!user) {
    return (
      <SignInPage
        config={config}
        reason={signedOutReason}
        onSignedIn={(signedIn) => {
          setSignedOutReason(undefined);
          setStart({ state: 'ready', config, user: signedIn });
        }}
      />
    );
  }

  const end = async () => {
    await signOut().catch(() => undefined);
    setStart({ state: 'ready', config, user: null });
  };
  if (user.must_change_password) {
    const done = () => void currentUser().then((fresh) => setStart({ state: 'ready', config, user: fresh }));
    return <SetOwnPasswordPage config={config} user={user} onDone={done} onSignOut={() => void end()} />;
  }
  const refreshConfig = async () => {
    const fresh = await api.get<ConsoleConfig>('/api/config');
    setStart((current) => (current.state === 'ready' ? { ...current, config: fresh } : current));
  };
  return (
    <ConsoleContext.Provider value={{ config, user, signOut: end, refreshConfig }}>
      <Shell />
    </ConsoleContext.Provider>
  );
};
