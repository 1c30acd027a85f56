import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectDesk } from './api';
import { DeskProvider, createCasesStore } from './state';
import './styles.css';

const desk = connectDesk((status) => {
  document.body.dataset.connection = status;
  if (status === 'open') void stores.cases.getState().load();
});
const stores = { desk, cases: createCasesStore(desk) };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DeskProvider stores={stores}>
      <App />
    </DeskProvider>
  </StrictMode>,
);
