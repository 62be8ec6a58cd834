import { createContext, useContext } from 'react';
import { DEFAULT_SERIAL_FORMAT, type Branch, type SerialFormat } from '../../services/contract';

/** The branch this terminal belongs to, with its settings (店舗設定), for any screen that needs them. */
export const BranchContext = createContext<Branch | null>(null);

export function useBranch(): Branch | null {
  return useContext(BranchContext);
}

/** How this bank's tokens' serials are written (店舗設定), for the counter's checks and hints. */
export function useSerialFormat(): SerialFormat {
  return useBranch()?.serialFormat ?? DEFAULT_SERIAL_FORMAT;
}
