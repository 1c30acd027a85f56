/** One timeline entry in words: the shared description (src-shared/words), so exports read the same. */
export { describeEvent } from '../../../src-shared/words';
