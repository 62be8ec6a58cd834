import { useCallback, useEffect, useState } from 'react';

export type FontSize = 'standard' | 'large';
export const FONT_SIZE_KEY = 'madoguchi.fontSize';

export function readFontSize(): FontSize {
  try {
    return localStorage.getItem(FONT_SIZE_KEY) === 'large' ? 'large' : 'standard';
  } catch {
    return 'standard';
  }
}

/** Applies the size to <html data-font-size>, which scales every rem in the style sheet. */
export function applyFontSize(size: FontSize): void {
  document.documentElement.dataset.fontSize = size;
}

/** 文字サイズ 標準/拡大: remembered on this terminal in localStorage. */
export function useFontSize(): [FontSize, (size: FontSize) => void] {
  const [size, setSize] = useState<FontSize>(readFontSize);
  useEffect(() => {
    applyFontSize(size);
  }, [size]);
  const change = useCallback((next: FontSize) => {
    setSize(next);
    try {
      localStorage.setItem(FONT_SIZE_KEY, next);
    } catch {
      // Storage unavailable: the choice lasts for this session only.
    }
  }, []);
  return [size, change];
}
