import type { Role } from '../../services/contract';
import type { Route } from './useHashRoute';

const ITEMS: Array<{ route: Route; label: string; managerOnly?: boolean }> = [
  { route: 'issue', label: '発行受付' },
  { route: 'exchange', label: '交換・再発行' },
  { route: 'suspend', label: '利用中止届' },
  { route: 'journal', label: '本日の取引' },
  { route: 'log', label: '取引履歴', managerOnly: true },
  { route: 'stock', label: '在庫' },
  { route: 'glance', label: '概況', managerOnly: true },
  { route: 'returns', label: '回収トークン', managerOnly: true },
  { route: 'approvals', label: '検印待ち', managerOnly: true },
  { route: 'day', label: '日計・締め', managerOnly: true },
  { route: 'operators', label: 'オペレーター', managerOnly: true },
  { route: 'settings', label: '店舗設定', managerOnly: true },
  { route: 'sync', label: '本部同期', managerOnly: true },
  { route: 'password', label: 'パスワード変更' },
];

/** A teller who types a manager's address (#/operators) lands on 発行受付 instead. */
export function routeFor(role: Role, route: Route): Route {
  return role !== 'manager' && ITEMS.some((item) => item.route === route && item.managerOnly) ? 'issue' : route;
}

/** The menu: only what the operator's role may use. */
export function Menu({ role, current, onSelect }: { role: Role; current: Route; onSelect: (route: Route) => void }) {
  return (
    <nav className="app-menu" aria-label="業務メニュー">
      <ul>
        {ITEMS.filter((item) => !item.managerOnly || role === 'manager').map((item) => (
          <li key={item.route}>
            <button
              type="button"
              className="menu-button"
              aria-current={current === item.route ? 'page' : undefined}
              onClick={() => onSelect(item.route)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
