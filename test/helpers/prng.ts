// The seeded PRNG lives in the core (the corpus check samples with it too).
export { prng } from '../../src/core/prng';
