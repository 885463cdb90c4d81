import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import {
  checkpointSignedText,
  type SignedCheckpoint,
  type UnsignedCheckpoint,
} from './checkpoint.js';

export interface PublishedKey {
  keyId: string;
  /** DER SubjectPublicKeyInfo, base64. */
  spki: string;
  pem: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest().subarray(0, 16).toString('hex');
}

/**
 * Holds the Ed25519 key that signs checkpoints. The key comes from configuration or a key file,
 * never from the database, so whoever controls the database cannot forge a checkpoint.
 */
@Injectable()
export class CheckpointSigner implements OnModuleInit {
  private readonly logger = new Logger('CheckpointSigner');
  private privateKey: KeyObject;
  private publicKey: KeyObject;
  private published: PublishedKey;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.privateKey = createPrivateKey(await this.loadPem());
    if (this.privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error('The audit signing key must be an Ed25519 key');
    }
    this.publicKey = createPublicKey(this.privateKey);
    this.published = {
      keyId: keyIdOf(this.publicKey),
      spki: this.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      pem: this.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  publicKeyInfo(): PublishedKey {
    return this.published;
  }

  sign(checkpoint: UnsignedCheckpoint): SignedCheckpoint {
    const signature = sign(null, Buffer.from(checkpointSignedText(checkpoint)), this.privateKey);
    return { ...checkpoint, keyId: this.published.keyId, signature: signature.toString('base64') };
  }

  /** Whether this checkpoint was signed by this key, over exactly these fields. */
  verify(checkpoint: SignedCheckpoint): boolean {
    if (checkpoint.keyId !== this.published.keyId) return false;
    const { keyId: _keyId, signature, ...unsigned } = checkpoint;
    try {
      return verify(
        null,
        Buffer.from(checkpointSignedText(unsigned)),
        this.publicKey,
        Buffer.from(signature, 'base64'),
      );
    } catch {
      // A checkpoint file with malformed fields is no more valid than one with a bad signature.
      return false;
    }
  }

  private async loadPem(): Promise<string> {
    const source = this.config.audit.signingKey;
    if ('pem' in source) return source.pem;
    const file = resolve(source.file);
    if (!existsSync(file)) {
      if (!source.createIfMissing) throw new Error(`No audit signing key at ${file}`);
      const { privateKey } = generateKeyPairSync('ed25519');
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      this.logger.warn(
        `Made a development audit signing key at ${file}; production supplies its own`,
      );
    }
    return readFile(file, 'utf8');
  }
}
