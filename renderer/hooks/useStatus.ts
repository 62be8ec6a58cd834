import { createContext, useContext } from 'react';

/**
 * The status line at the bottom of the main screen: what the last action did. A success is said
 * there; a refusal is said where it is to be fixed (the form, the panel) and clears the line
 * (status('')): every refused call does so through renderer/api.ts, a screen's own check before
 * sending must too.
 */
export const StatusContext = createContext<(message: string) => void>(() => {});

export function useStatus(): (message: string) => void {
  return useContext(StatusContext);
}
