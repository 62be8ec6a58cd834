import { useCallback, useEffect, useState } from 'react';
import type { Branch, Operator, ResponseOf } from '../../services/contract';
import { call, onSessionLost } from '../api';
import { AppShell } from './AppShell';
import { Header } from './Header';
import { LockOverlay } from './LockOverlay';
import { useFontSize } from '../hooks/useFontSize';
import { useIdleLock } from '../hooks/useIdleLock';
import { clearKeptSessions } from '../counter/useKeptSession';
import { LoginScreen } from '../screens/login/LoginScreen';
import { PasswordScreen } from '../screens/password/PasswordScreen';
import { RestoreScreen } from '../screens/restore/RestoreScreen';
import { SetupScreen } from '../screens/setup/SetupScreen';

type Phase =
  | { kind: 'loading' }
  | { kind: 'fatal'; message: string }
  | { kind: 'setup' }
  | { kind: 'restore' }
  | { kind: 'login'; operatorId?: string; notice?: string }
  /** Logged in with a password a manager set: it is changed before anything else. */
  | { kind: 'password'; operator: Operator }
  | { kind: 'main'; operator: Operator; notice?: string };

type LoggedIn = ResponseOf<'authLogin'>;

function afterLogin({ operator, mustChangePassword }: LoggedIn): Phase {
  return mustChangePassword ? { kind: 'password', operator } : { kind: 'main', operator };
}

type Lock = null | 'idle' | 'session';

/** At start: is the terminal set up, does this PC have its data key, and is somebody still logged in? */
async function boot(): Promise<{ phase: Phase; branch: Branch | null; idleSeconds: number }> {
  const setup = await call('setupStatus', {});
  if (!setup.ok) return { phase: { kind: 'fatal', message: setup.error.message }, branch: null, idleSeconds: 0 };
  const branch = setup.value.branch;
  if (setup.value.keyRestoreNeeded) return { phase: { kind: 'restore' }, branch, idleSeconds: 0 };
  if (!setup.value.initialized) return { phase: { kind: 'setup' }, branch, idleSeconds: 0 };
  const session = await call('authSession', {});
  if (!session.ok) return { phase: { kind: 'fatal', message: session.error.message }, branch, idleSeconds: 0 };
  const operator = session.value.operator;
  return {
    phase: operator ? afterLogin({ operator, mustChangePassword: session.value.mustChangePassword }) : { kind: 'login' },
    branch,
    idleSeconds: session.value.idleLockSeconds,
  };
}

/** setupStatus → 初期設定, データ鍵の復元 or ログイン → main screen, with the idle / session lock on top. */
export function App() {
  const [fontSize, setFontSize] = useFontSize();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [branch, setBranch] = useState<Branch | null>(null);
  const [idleSeconds, setIdleSeconds] = useState(0);
  const [lock, setLock] = useState<Lock>(null);

  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void boot().then((booted) => {
      if (!live) return;
      setBranch(booted.branch);
      setIdleSeconds(booted.idleSeconds);
      setPhase(booted.phase);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setPhase({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => onSessionLost(() => setLock((current) => current ?? 'session')), []);

  const inMain = phase.kind === 'main';
  useIdleLock(inMain && lock === null, idleSeconds, () => setLock('idle'));

  const login = useCallback(async (loggedIn: LoggedIn) => {
    setLock(null);
    // A fresh login starts at 発行受付, whatever the previous operator left open.
    window.location.hash = '#/issue';
    setPhase(afterLogin(loggedIn));
    // The idle time may differ once logged in; the session says.
    const session = await call('authSession', {});
    if (session.ok) setIdleSeconds(session.value.idleLockSeconds);
  }, []);

  const logout = useCallback(async (notice?: string) => {
    await call('authLogout', {});
    clearKeptSessions();
    setLock(null);
    setPhase({ kind: 'login', ...(notice ? { notice } : {}) });
  }, []);

  if (phase.kind === 'main') {
    return (
      <>
        <AppShell
          branch={branch}
          operator={phase.operator}
          fontSize={fontSize}
          onFontSize={setFontSize}
          onLogout={() => void logout()}
          onBranchChanged={setBranch}
          locked={lock !== null}
          {...(phase.notice ? { notice: phase.notice } : {})}
        />
        {lock !== null ? (
          <LockOverlay
            operator={phase.operator}
            reason={lock}
            onUnlocked={(loggedIn) => {
              setLock(null);
              setPhase(afterLogin(loggedIn));
            }}
            onLogout={() => void logout()}
          />
        ) : null}
      </>
    );
  }

  return (
    <div className="app app--outside">
      <Header branch={branch} operator={null} fontSize={fontSize} onFontSize={setFontSize} />
      {phase.kind === 'loading' ? (
        <main className="center-page">
          <p className="panel panel--narrow" role="status">
            起動しています…
          </p>
        </main>
      ) : null}
      {phase.kind === 'fatal' ? (
        <main className="center-page">
          <section className="panel panel--narrow" role="alert">
            <h1>起動できません</h1>
            <p>{phase.message}</p>
            <div className="actions">
              <span />
              <button type="button" className="button button--primary" onClick={retry}>
                再試行
              </button>
            </div>
          </section>
        </main>
      ) : null}
      {phase.kind === 'setup' ? (
        <SetupScreen
          onDone={(newBranch, managerId) => {
            setBranch(newBranch);
            setPhase({ kind: 'login', operatorId: managerId, notice: '初期設定が完了しました。登録した役席者でログインしてください。' });
          }}
        />
      ) : null}
      {phase.kind === 'restore' ? (
        <RestoreScreen branch={branch} onRestored={() => setPhase({ kind: 'login', notice: 'データ鍵をこの PC に復元しました。ログインしてください。' })} />
      ) : null}
      {phase.kind === 'login' ? (
        <LoginScreen
          key={phase.operatorId ?? ''}
          branch={branch}
          initialOperatorId={phase.operatorId}
          notice={phase.notice ?? null}
          onLogin={(loggedIn) => void login(loggedIn)}
        />
      ) : null}
      {phase.kind === 'password' ? (
        <main className="center-page">
          <PasswordScreen
            operator={phase.operator}
            required
            onChanged={() => setPhase({ kind: 'main', operator: phase.operator, notice: 'パスワードを変更しました。' })}
            onLoggedOut={(error) => void logout(error.message)}
            onCancel={() => void logout()}
          />
        </main>
      ) : null}
    </div>
  );
}
