import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectDesk } from './api';
import { DeskProvider, createDeskStores, startTicking } from './state';
import './styles.css';

// The first connection is loaded by the App; a reconnection reloads every store (see createDeskStores).
const stores = createDeskStores(connectDesk());
startTicking(stores.now);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DeskProvider stores={stores}>
      <App />
    </DeskProvider>
  </StrictMode>,
);
