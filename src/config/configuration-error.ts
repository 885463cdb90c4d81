export type Environment = Record<string, string | undefined>;

/** Thrown at boot with every problem found, so an operator fixes them all in one go. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Crier cannot start; fix its configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}
