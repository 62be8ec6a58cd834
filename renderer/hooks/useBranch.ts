import { createContext, useContext } from 'react';
import type { Branch } from '../../services/contract';

/** The branch this terminal belongs to, with its settings (店舗設定), for any screen that needs them. */
export const BranchContext = createContext<Branch | null>(null);

export function useBranch(): Branch | null {
  return useContext(BranchContext);
}
