import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyFontSize, readFontSize } from './hooks/useFontSize';
import './styles.css';
import './manager.css';

applyFontSize(readFontSize());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
