import type { FontSize } from '../hooks/useFontSize';

const OPTIONS: Array<[FontSize, string]> = [
  ['standard', '標準'],
  ['large', '拡大'],
];

/** 文字サイズ 標準/拡大 as two toggle buttons. */
export function FontSizeSwitch({ value, onChange }: { value: FontSize; onChange: (size: FontSize) => void }) {
  return (
    <div className="font-switch" role="group" aria-labelledby="font-switch-label">
      <span id="font-switch-label" className="font-switch-label">
        文字サイズ
      </span>
      {OPTIONS.map(([size, label]) => (
        <button
          key={size}
          type="button"
          className="font-switch-button"
          aria-pressed={value === size}
          onClick={() => onChange(size)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
