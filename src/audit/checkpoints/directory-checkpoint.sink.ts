import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { SignedCheckpoint } from './checkpoint.js';
import type { CheckpointListing, CheckpointSink } from './checkpoint-sink.js';

/** One JSON file per checkpoint, never overwritten, named so a listing sorts by size. */
@Injectable()
export class DirectoryCheckpointSink implements CheckpointSink {
  private readonly logger = new Logger('CheckpointSink');
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = resolve(config.audit.checkpointDir);
  }

  async write(checkpoint: SignedCheckpoint): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const name = `${String(checkpoint.size).padStart(12, '0')}-${checkpoint.at.replace(/[:.]/g, '')}.json`;
    // 'wx' refuses to replace an existing file; fsync so a crash cannot lose a signed checkpoint.
    const file = await open(join(this.dir, name), 'wx', 0o644);
    try {
      await file.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
  }

  async list(): Promise<CheckpointListing> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const checkpoints: SignedCheckpoint[] = [];
    const unreadable: string[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        checkpoints.push(
          JSON.parse(await readFile(join(this.dir, name), 'utf8')) as SignedCheckpoint,
        );
      } catch {
        this.logger.warn(`Checkpoint file ${name} cannot be read`);
        unreadable.push(name);
      }
    }
    checkpoints.sort((a, b) => a.size - b.size || a.at.localeCompare(b.at));
    return { checkpoints, unreadable };
  }
}
