// Word segmentation (nodejieba) behind the Segmenter interface, loaded lazily and never on the editor's
// critical path. (Filled in by the wording issue.)
import type { Segmenter } from '../core/types';

export interface SegmenterLoad {
  segmenter?: Segmenter;
  /** Why it could not be loaded. */
  error?: string;
  /** Milliseconds the load took. */
  loadMs: number;
}

/** Loads nodejieba with the project's dictionaries (synchronous; call off the hot path). */
export function loadSegmenter(): SegmenterLoad {
  return { error: 'not implemented', loadMs: 0 };
}
