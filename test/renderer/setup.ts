import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// findBy* and waitFor wait for what the console shows; their limit is for a hang, not a slow
// machine: the default 1 s ran out on a loaded 2-core machine for a file read and an answer.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no matchMedia; uPlot (the Reports chart) asks it for the pixel ratio. A query
// list that matches nothing is what a browser answers for a media feature it lacks.
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => {
    const list = new EventTarget() as MediaQueryList;
    Object.assign(list, { matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined });
    return list;
  };
}
