// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest } from '../../../../support/screen';

freshWindowEachTest();

describe('オペレーター', () => {
  it('warns while only one unlocked manager could unlock the others', async () => {
    const listed = (managers: number) =>
      vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          value: {
            operators: [
              ...Array.from({ length: managers }, (_, i) => ({ operatorId: `M00${i + 1}`, name: `役席 ${i + 1}`, role: 'manager' as const, locked: false, failedAttempts: 0 })),
              { operatorId: 'M009', name: '役席 ロック中', role: 'manager' as const, locked: true, failedAttempts: 5 },
              { operatorId: 'T001', name: '窓口 花子', role: 'teller' as const, locked: false, failedAttempts: 0 },
            ],
          },
        }),
      );
    window.location.hash = '#/operators';
    fakeApi(MANAGER, { operatorsList: listed(1) });
    render(<App />);
    expect((await screen.findByTestId('single-manager')).textContent).toContain('役席者をもう1名登録してください');
    cleanup();

    fakeApi(MANAGER, { operatorsList: listed(2) });
    render(<App />);
    await screen.findByText('役席 2');
    expect(screen.queryByTestId('single-manager')).toBeNull();
  });
});
