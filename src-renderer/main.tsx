import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectDesk } from './api';
import { DeskProvider, createDeskStores, startTicking } from './state';
import './styles.css';

let connectedBefore = false;
const desk = connectDesk((status) => {
  document.body.dataset.connection = status;
  // The first connection is loaded by the App; a reconnection reloads what may have changed meanwhile.
  if (status === 'open' && !connectedBefore) connectedBefore = true;
  else if (status === 'open') {
    void stores.settings.getState().load();
    void stores.cases.getState().load();
  }
});
const stores = createDeskStores(desk);
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
