import { lazy, Suspense, useEffect, useState } from 'react';
import type { Branch, Operator } from '../../services/contract';
import type { FontSize } from '../hooks/useFontSize';
import { onRefusal } from '../api';
import { useHashRoute } from './useHashRoute';
import { StatusContext } from '../hooks/useStatus';
import { BranchContext } from '../hooks/useBranch';
import { Header } from './Header';
import { Menu, routeFor } from './Menu';
import { StatusBar } from './StatusBar';
import { IssueScreen } from '../screens/issue/IssueScreen';
import { JournalScreen } from '../screens/journal/JournalScreen';
import { StockScreen } from '../screens/stock/StockScreen';
import { OperatorsScreen } from '../screens/operators/OperatorsScreen';
import { ExchangeScreen } from '../screens/exchange/ExchangeScreen';
import { ReturnsScreen } from '../screens/returns/ReturnsScreen';
import { SuspendScreen } from '../screens/suspend/SuspendScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { SyncScreen } from '../screens/sync/SyncScreen';
import { PasswordScreen } from '../screens/password/PasswordScreen';
import { LogScreen } from '../screens/log/LogScreen';
import { ApprovalsScreen } from '../screens/approvals/ApprovalsScreen';
import { DayCloseScreen } from '../screens/day-close/DayCloseScreen';
import { useKeptSession } from '../counter/useKeptSession';
import { ISSUE_VOLATILE, NEW_SESSION } from '../screens/issue/draft';
import { EXCHANGE_VOLATILE, NEW_EXCHANGE_SESSION } from '../screens/exchange/draft';
import { NEW_SUSPEND_SESSION, SUSPEND_VOLATILE } from '../screens/suspend/draft';

// The chart library is the largest part of the page: it loads when a manager first opens 概況.
const GlanceScreen = lazy(() => import('../screens/glance/GlanceScreen').then((m) => ({ default: m.GlanceScreen })));

type Props = {
  branch: Branch | null;
  operator: Operator;
  fontSize: FontSize;
  onFontSize: (size: FontSize) => void;
  onLogout: () => void;
  onBranchChanged: (branch: Branch) => void;
  /** While the lock overlay is up, the screen stays mounted but cannot be reached. */
  locked: boolean;
  /** The status line's first message (e.g. after the first password was changed). */
  notice?: string;
};

/** The main screen: header, menu, the chosen screen, status line. */
export function AppShell({ branch, operator, fontSize, onFontSize, onLogout, onBranchChanged, locked, notice }: Props) {
  const [requested, go] = useHashRoute();
  const route = routeFor(operator.role, requested);
  // The counter forms live here, so that a half-filled form survives a visit to another menu,
  // and in sessionStorage, so that it survives a reload.
  const me = operator.operatorId;
  const [issueSession, setIssueSession, issueKept] = useKeptSession('issue', NEW_SESSION, me, ISSUE_VOLATILE);
  const [exchangeSession, setExchangeSession, exchangeKept] = useKeptSession('exchange', NEW_EXCHANGE_SESSION, me, EXCHANGE_VOLATILE);
  const [suspendSession, setSuspendSession, suspendKept] = useKeptSession('suspend', NEW_SUSPEND_SESSION, me, SUSPEND_VOLATILE);
  const [message, setMessage] = useState(() =>
    issueKept || exchangeKept || suspendKept ? '入力途中の内容を復元しました。ワンタイムパスワードはもう一度入力してください。' : (notice ?? ''),
  );

  // One message at a time, the newest: a refusal is said where it is to be fixed, and clears the line.
  useEffect(() => onRefusal(() => setMessage('')), []);

  return (
    <BranchContext.Provider value={branch}>
      <StatusContext.Provider value={setMessage}>
        <div className="app" inert={locked} aria-hidden={locked || undefined}>
          <Header branch={branch} operator={operator} fontSize={fontSize} onFontSize={onFontSize} onLogout={onLogout} />
          <div className="app-body">
            <Menu role={operator.role} current={route} onSelect={go} />
            <main className="app-main" id="main">
              {route === 'issue' ? <IssueScreen session={issueSession} update={setIssueSession} /> : null}
              {route === 'exchange' ? <ExchangeScreen session={exchangeSession} update={setExchangeSession} /> : null}
              {route === 'suspend' ? <SuspendScreen session={suspendSession} update={setSuspendSession} /> : null}
              {route === 'journal' ? <JournalScreen /> : null}
              {route === 'stock' ? <StockScreen role={operator.role} /> : null}
              {route === 'returns' ? <ReturnsScreen /> : null}
              {route === 'glance' ? (
                <Suspense fallback={<p>読み込み中…</p>}>
                  <GlanceScreen />
                </Suspense>
              ) : null}
              {route === 'log' ? <LogScreen /> : null}
              {route === 'approvals' ? <ApprovalsScreen /> : null}
              {route === 'day' ? <DayCloseScreen /> : null}
              {route === 'operators' ? <OperatorsScreen me={operator.operatorId} /> : null}
              {route === 'settings' && branch ? <SettingsScreen branch={branch} onChanged={onBranchChanged} /> : null}
              {route === 'sync' ? <SyncScreen /> : null}
              {route === 'password' ? <PasswordScreen operator={operator} required={false} onChanged={() => setMessage('パスワードを変更しました。')} /> : null}
            </main>
          </div>
          <StatusBar message={message} />
        </div>
      </StatusContext.Provider>
    </BranchContext.Provider>
  );
}
