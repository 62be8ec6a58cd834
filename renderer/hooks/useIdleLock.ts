import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

/**
 * Calls onIdle once after `seconds` without keyboard or mouse activity, while `enabled`.
 * A non-positive `seconds` disables the lock.
 */
export function useIdleLock(enabled: boolean, seconds: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled || !(seconds > 0)) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= seconds * 1000) {
        window.clearInterval(timer);
        onIdleRef.current();
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, touch, { capture: true });
    };
  }, [enabled, seconds]);
}
