import { vi } from 'vitest';

// One shared Electron mock for every main-process test.
vi.mock('electron', () => import('./electron-mock'));
