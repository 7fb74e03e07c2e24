// Per-paragraph memos of the formulation rules: a keystroke changes one paragraph, and what a rule works out for the
// others (from their text and the context in the key alone) is looked up instead of searched again. The switch and
// the LRU map are core's (src/core/memo.ts), shared with the engine's and the other rules' memos.
export { Lru, paragraphMemosOn, setParagraphMemos } from '../../../core/memo';
