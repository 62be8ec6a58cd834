import { createContext, useContext } from 'react';

/** The status line at the bottom of the main screen: what just happened. */
export const StatusContext = createContext<(message: string) => void>(() => {});

export function useStatus(): (message: string) => void {
  return useContext(StatusContext);
}
