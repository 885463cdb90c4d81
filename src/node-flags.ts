/**
 * The V8 flags Crier runs with (`npm start`, the Docker image, the benchmarks). Node 24 sizes
 * the young generation from the machine's memory: on a 24 GB server each semi-space may grow to
 * 64 MB, so an idle Crier commits a 200 MB heap to hold 60 MB of objects, and a fan-out of 100,000
 * peaked at 423 MB. At 16 MB the fan-out peaks at 340 MB, sending as fast (bench:fanout).
 * package.json and docker/Dockerfile repeat these, as they cannot import them.
 */
export const CRIER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
