/** The seeded generator lives with the core's test fixtures, so core trials can use it too. */
export { createRng, type Rng } from '../../main/core/__fixtures__/prng';
