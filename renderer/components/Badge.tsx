import type { ReactNode } from 'react';

export type Tone = '' | 'badge--ok' | 'badge--warn' | 'badge--error';

/** A short status next to a field, announced when it changes; empty when there is nothing to say. */
export function Badge({ id, testId, tone = '', children }: { id: string; testId?: string; tone?: Tone; children?: ReactNode }) {
  return (
    <span id={id} className={`badge ${tone}`} aria-live="polite" data-testid={testId}>
      {children}
    </span>
  );
}
