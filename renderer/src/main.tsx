import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { vi as zodVietnamese } from 'zod/locales';
import { createClient } from './api/client';
import { ApiContext } from './api/context';
import { App } from './app/App';
import { ToastProvider } from './components/Toast';
import { LockGate } from './features/lock/LockGate';
import './styles.css';

// zod would probe `new Function` for speed, which the CSP (script-src 'self') forbids.
z.config({ jitless: true });
// The form checks the contract's schemas before sending (issue 18): zod's own words in Vietnamese too.
z.config(zodVietnamese());

const api = createClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <ToastProvider>
        <LockGate>
          <App />
        </LockGate>
      </ToastProvider>
    </ApiContext.Provider>
  </StrictMode>,
);
