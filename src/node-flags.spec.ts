import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRIER_NODE_FLAGS } from './node-flags.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the V8 flags Crier runs with', () => {
  it('are the same in npm start, the Docker image and the benchmarks', () => {
    const scripts = (JSON.parse(read('../package.json')) as { scripts: Record<string, string> })
      .scripts;
    const dockerCommand = /^CMD (\[.*\])$/m.exec(read('../docker/Dockerfile'))?.[1];
    expect(dockerCommand).toBeDefined();
    const inDocker = JSON.parse(dockerCommand!) as string[];
    for (const flag of CRIER_NODE_FLAGS) {
      expect(scripts.start).toContain(`node ${flag}`);
      expect(scripts['start:prod']).toContain(`node ${flag}`);
      expect(inDocker).toContain(flag);
    }
  });
});
