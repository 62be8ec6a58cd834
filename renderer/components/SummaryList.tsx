import type { ReactNode } from 'react';

/** term, value, and a test id for the value where tests read it. */
export type SummaryRow = readonly [term: string, value: ReactNode, testId?: string];

/** A definition list of what was entered or done; `children` come first (e.g. the 受付番号). */
export function SummaryList({ rows, className = '', children }: { rows: ReadonlyArray<SummaryRow>; className?: string; children?: ReactNode }) {
  return (
    <dl className={`summary ${className}`}>
      {children}
      {rows.map(([term, value, testId]) => (
        <div className="summary-row" key={term}>
          <dt>{term}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
