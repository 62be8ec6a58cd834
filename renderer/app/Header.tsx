import { ROLE_LABELS, type Branch, type Operator } from '../../services/contract';
import type { FontSize } from '../hooks/useFontSize';
import { FontSizeSwitch } from './FontSizeSwitch';
import { SyncIndicator } from './SyncIndicator';

type Props = {
  branch: Branch | null;
  operator: Operator | null;
  fontSize: FontSize;
  onFontSize: (size: FontSize) => void;
  onLogout?: () => void;
};

/** Bank / branch / terminal on the left, operator, 文字サイズ and ログアウト on the right. */
export function Header({ branch, operator, fontSize, onFontSize, onLogout }: Props) {
  return (
    <header className="app-header">
      <div className="app-header-place">
        <span className="app-mark" aria-hidden="true">
          窓口
        </span>
        {branch ? (
          <span className="app-header-branch">
            <span className="app-header-bank">{branch.bankName}</span>
            <span>
              {branch.branchName}（店番 {branch.branchCode}）
            </span>
            <span>端末 {branch.terminalNo}</span>
          </span>
        ) : (
          <span className="app-header-bank">ハードウェアトークン受付</span>
        )}
      </div>
      <div className="app-header-tools">
        {operator ? <SyncIndicator manager={operator.role === 'manager'} /> : null}
        {operator ? (
          <span className="app-header-operator" data-testid="current-operator">
            <span className="role-badge">{ROLE_LABELS[operator.role]}</span>
            {operator.name}
            <span className="app-header-operator-id">（{operator.operatorId}）</span>
          </span>
        ) : null}
        <FontSizeSwitch value={fontSize} onChange={onFontSize} />
        {onLogout ? (
          <button type="button" className="button button--header" onClick={onLogout}>
            ログアウト
          </button>
        ) : null}
      </div>
    </header>
  );
}
