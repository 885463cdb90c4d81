import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkpointSignedText as crierSignedText,
  type CheckpointBody,
  type EvidenceBundle,
  type EvidenceScope,
} from '../audit/bundle/evidence-bundle.js';
import { leafHash, MerkleTree } from '../audit/merkle/merkle-tree.js';
import {
  RFC6962_INCLUSION,
  RFC6962_LEAF_HASHES,
  RFC6962_LEAVES,
  RFC6962_ROOTS,
} from '../audit/merkle/rfc6962-test-vectors.js';
import {
  checkpointSignedText,
  leafHashOf,
  type VerifyResult,
  verifyBundle,
  verifyInclusion,
} from './verify-bundle.js';

const VERIFIER_PATH = fileURLToPath(new URL('./verify-bundle.ts', import.meta.url));
const MESSAGE_ID = '3f2b8c1e-5d4a-4e6f-9b7c-2a1d0e9f8c7b';
const unhex = (h: string): Buffer => Buffer.from(h, 'hex');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

describe('the verifier stays standalone', () => {
  it('imports nothing but node: modules, so it never comes to depend on Crier', () => {
    const source = readFileSync(VERIFIER_PATH, 'utf8');
    // TypeScript's own scanner finds every import, export-from, dynamic import and require.
    const { importedFiles } = ts.preProcessFile(source, true, true);
    const specifiers = importedFiles.map((file) => file.fileName);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
    expect(source).not.toMatch(/\bcreateRequire\b|\brequire\s*\(/);
  });
});

describe("the verifier's own RFC 6962 code", () => {
  const leaves = RFC6962_LEAVES.map((h) => leafHashOf(unhex(h)));

  it('hashes leaves as RFC 6962 does', () => {
    for (const [index, expected] of Object.entries(RFC6962_LEAF_HASHES)) {
      expect(hex(leaves[Number(index)])).toBe(expected);
    }
  });

  it.each(RFC6962_INCLUSION)(
    'verifies the published path of leaf $index in a tree of $treeSize, and not a wrong one',
    ({ index, treeSize, proof }) => {
      const path = proof.map(unhex);
      const root = unhex(RFC6962_ROOTS[treeSize]);
      expect(verifyInclusion(leaves[index], index, treeSize, path, root)).toBe(true);
      expect(verifyInclusion(leaves[index], index + 1, treeSize, path, root)).toBe(false);
      // CT's "wrong tree height" cases (merkle_tree_test.cc, VerifierCheck).
      expect(verifyInclusion(leaves[index], index, treeSize * 2, path, root)).toBe(false);
      expect(verifyInclusion(leafHashOf(Buffer.from('x')), index, treeSize, path, root)).toBe(
        false,
      );
      expect(verifyInclusion(leaves[index], index, treeSize, path, unhex(RFC6962_ROOTS[0]))).toBe(
        false,
      );
      expect(verifyInclusion(leaves[index], index, treeSize, [...path, root], root)).toBe(false);
    },
  );

  it('builds the same signed text as Crier', () => {
    const body: CheckpointBody = {
      origin: 'crier.example-borough.gov.uk/audit',
      size: 42,
      root: RFC6962_ROOTS[8],
      chainHead: RFC6962_ROOTS[3],
      at: '2026-12-01T10:00:00.000Z',
    };
    expect(checkpointSignedText(body)).toBe(crierSignedText(body));
    expect(checkpointSignedText(body)).toBe(
      `crier-audit-checkpoint/v1\n${body.origin}\n42\n${body.root}\n${body.chainHead}\n${body.at}\n`,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A small log and bundles over it, built with Crier's library as the exporter does.

interface Log {
  payloads: string[];
  leaves: Buffer[];
  /** chain[i] is the chainHash of seq i + 1. */
  chain: Buffer[];
  tree: MerkleTree;
}

const payloadOf = (seq: number): string =>
  JSON.stringify({
    actor: { kind: 'system', reason: 'test' },
    data: { n: seq },
    recordedAt: new Date(Date.UTC(2026, 11, 1, 10, 0, seq)).toISOString(),
    seq,
    subject: { messageId: MESSAGE_ID },
    type: 'message.sent',
  });

function makeLog(size: number, payloadFor: (seq: number) => string = payloadOf): Log {
  const payloads = Array.from({ length: size }, (_, i) => payloadFor(i + 1));
  const leaves = payloads.map((payload) => leafHash(Buffer.from(payload, 'utf8')));
  const chain: Buffer[] = [];
  leaves.forEach((leaf, i) => chain.push(sha256(i === 0 ? Buffer.alloc(32) : chain[i - 1], leaf)));
  return { payloads, leaves, chain, tree: new MerkleTree(leaves) };
}

interface Keys {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const keyIdOf = (key: KeyObject): string =>
  hex(sha256(key.export({ type: 'spki', format: 'der' })).subarray(0, 16));
const pemOf = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();

function signCheckpoint(bundle: EvidenceBundle, keys: Keys): void {
  const { checkpoint } = bundle;
  const text = Buffer.from(crierSignedText(checkpoint), 'utf8');
  checkpoint.keyId = keyIdOf(keys.publicKey);
  checkpoint.signature = sign(null, text, keys.privateKey).toString('base64');
}

function makeBundle(
  log: Log,
  options: { size: number; seqs: number[]; scope: EvidenceScope; keys: Keys },
): EvidenceBundle {
  const { size, seqs, scope, keys } = options;
  const bundle: EvidenceBundle = {
    format: 'crier-audit-bundle/v1',
    generatedAt: '2026-12-01T11:00:00.000Z',
    scope,
    checkpoint: {
      origin: 'crier.example-borough.gov.uk/audit',
      size,
      root: hex(log.tree.root(size)),
      chainHead: hex(log.chain[size - 1]),
      at: '2026-12-01T10:30:00.000Z',
      keyId: '',
      signature: '',
    },
    publicKey: {
      keyId: keyIdOf(keys.publicKey),
      spki: keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      pem: pemOf(keys.publicKey),
    },
    entries: seqs.map((seq) => ({
      seq,
      payload: log.payloads[seq - 1],
      leafHash: hex(log.leaves[seq - 1]),
      chainHash: hex(log.chain[seq - 1]),
      previousChainHash: hex(seq === 1 ? Buffer.alloc(32) : log.chain[seq - 2]),
      // A proof for an entry beyond the checkpoint is made in the whole log's tree, so that the
      // only thing wrong with it is where it sits.
      inclusionProof: log.tree
        .inclusionProof(seq - 1, Math.max(size, seq))
        .map((hash) => hex(hash)),
    })),
  };
  signCheckpoint(bundle, keys);
  return bundle;
}

const ictKeys = generateKeyPairSync('ed25519');
const otherKeys = generateKeyPairSync('ed25519');
const ICT_PEM = pemOf(ictKeys.publicKey);
const log = makeLog(9);
// Events 3..7 of a log of 9 under the checkpoint of size 7: 7 is the checkpoint's newest event.
const rangeBundle = (): EvidenceBundle =>
  makeBundle(log, {
    size: 7,
    seqs: [3, 4, 5, 6, 7],
    scope: { fromSeq: 3, toSeq: 7 },
    keys: ictKeys,
  });
const messageBundle = (): EvidenceBundle =>
  makeBundle(log, { size: 7, seqs: [1, 2, 5], scope: { messageId: MESSAGE_ID }, keys: ictKeys });

/** Verifies a bundle as read from a file; `null` means no --public-key was given. */
const verified = (bundle: EvidenceBundle, pem: string | null = ICT_PEM): VerifyResult =>
  verifyBundle(JSON.parse(JSON.stringify(bundle)) as unknown, { publicKeyPem: pem ?? undefined });

/** The bundle fails, and among its failures is one for `seq` whose reason matches. */
function expectFailure(result: VerifyResult, seq: number | undefined, reason: RegExp): void {
  expect(result.ok).toBe(false);
  const matching: unknown = expect.stringMatching(reason);
  expect(result.failures).toContainEqual(
    seq === undefined ? { reason: matching } : { seq, reason: matching },
  );
}

describe('verifyBundle on a valid bundle', () => {
  it('passes a range bundle against the published key, with no warning', () => {
    const result = verified(rangeBundle());
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(
      result.checks.some((line) => line.includes('seq 7:') && line.includes('chain head')),
    ).toBe(true);
  });

  it('passes a message bundle whose entries are not consecutive, including the first event', () => {
    const result = verified(messageBundle());
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('passes without --public-key but warns that the key came from the bundle itself', () => {
    const result = verified(rangeBundle(), null);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/key inside the bundle/)]);
  });
});

describe('verifyBundle names each kind of tampering', () => {
  it('a changed payload byte', () => {
    const bundle = rangeBundle();
    bundle.entries[2].payload = bundle.entries[2].payload.replace('"n":5', '"n":6');
    const result = verified(bundle);
    expectFailure(result, 5, /leafHash is not SHA-256\(0x00 \|\| payload\)/);
    expectFailure(result, 5, /inclusion proof/);
  });

  it('a changed leafHash', () => {
    const bundle = rangeBundle();
    bundle.entries[1].leafHash = hex(leafHash(Buffer.from('something else')));
    expectFailure(verified(bundle), 4, /leafHash is not/);
  });

  it('a changed proof element', () => {
    const bundle = rangeBundle();
    const proof = bundle.entries[0].inclusionProof;
    proof[1] = proof[1].replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const result = verified(bundle);
    expectFailure(result, 3, /inclusion proof does not lead/);
    expect(result.failures).toHaveLength(1);
  });

  it('a wrong root, even when the checkpoint is re-signed with the real key', () => {
    const bundle = rangeBundle();
    bundle.checkpoint.root = hex(log.tree.root(6));
    signCheckpoint(bundle, ictKeys);
    const result = verified(bundle);
    for (const seq of [3, 4, 5, 6, 7]) expectFailure(result, seq, /inclusion proof/);
  });

  it('a wrong root that was not re-signed', () => {
    const bundle = rangeBundle();
    bundle.checkpoint.root = hex(log.tree.root(6));
    expectFailure(verified(bundle), undefined, /signature .* does not verify/);
  });

  it('a checkpoint signed by another key but presented with the real one', () => {
    const bundle = rangeBundle();
    signCheckpoint(bundle, otherKeys);
    const result = verified(bundle);
    expectFailure(result, undefined, /signature .* does not verify/);
    expectFailure(result, undefined, /checkpoint\.keyId/);
  });

  it('a forged signature still fails when no published key is given', () => {
    const bundle = rangeBundle();
    signCheckpoint(bundle, otherKeys);
    bundle.checkpoint.keyId = keyIdOf(ictKeys.publicKey);
    expectFailure(verified(bundle, null), undefined, /signature .* does not verify/);
  });

  it('a bundle whose own key is not the published one, though self-consistent', () => {
    const bundle = makeBundle(log, {
      size: 7,
      seqs: [3, 4, 5, 6, 7],
      scope: { fromSeq: 3, toSeq: 7 },
      keys: otherKeys,
    });
    expect(verified(bundle, null).ok).toBe(true);
    const result = verified(bundle);
    expectFailure(
      result,
      undefined,
      /the bundle's key \(keyId [0-9a-f]{32}\) is not the published key/,
    );
    expectFailure(result, undefined, /signature .* does not verify/);
  });

  it('an entry beyond the checkpoint size', () => {
    const bundle = makeBundle(log, {
      size: 7,
      seqs: [7, 8],
      scope: { messageId: MESSAGE_ID },
      keys: ictKeys,
    });
    const result = verified(bundle);
    expectFailure(result, 8, /beyond the checkpoint's size 7/);
    expect(result.failures.every((failure) => failure.seq === 8)).toBe(true);
  });

  it('a broken chain link, though each entry is self-consistent', () => {
    const bundle = rangeBundle();
    const entry = bundle.entries[2];
    entry.previousChainHash = hex(sha256(Buffer.from('another history')));
    entry.chainHash = hex(sha256(unhex(entry.previousChainHash), unhex(entry.leafHash)));
    const result = verified(bundle);
    expectFailure(
      result,
      5,
      /previousChainHash is not the chainHash of seq 4: the chain is broken/,
    );
    expectFailure(result, 6, /previousChainHash is not the chainHash of seq 5/);
  });

  it("a newest entry whose chainHash is not the checkpoint's chain head", () => {
    const bundle = rangeBundle();
    bundle.checkpoint.chainHead = hex(log.chain[5]);
    signCheckpoint(bundle, ictKeys);
    const result = verified(bundle);
    expectFailure(result, 7, /chainHash is not the chainHead/);
    expect(result.failures).toHaveLength(1);
  });

  it('a first event that claims a previous chain hash', () => {
    const bundle = messageBundle();
    bundle.entries[0].previousChainHash = hex(sha256(Buffer.from('before the beginning')));
    expectFailure(verified(bundle), 1, /first event must be 32 zero bytes/);
  });

  it("a payload whose own seq is not the entry's, even in a log that hashed it so", () => {
    const liar = makeLog(4, (seq) => payloadOf(seq === 3 ? 30 : seq));
    const bundle = makeBundle(liar, {
      size: 4,
      seqs: [3],
      scope: { messageId: MESSAGE_ID },
      keys: ictKeys,
    });
    const result = verified(bundle);
    expectFailure(result, 3, /payload's own seq is 30/);
    expect(result.failures).toHaveLength(1);
  });

  it('a range bundle with an event left out, or an event outside its range', () => {
    const bundle = rangeBundle();
    bundle.entries.splice(1, 2);
    expectFailure(verified(bundle), 4, /seqs 4\.\.5 are inside the scope but missing/);
    const wide = rangeBundle();
    wide.scope = { fromSeq: 4, toSeq: 7 };
    expectFailure(verified(wide), 3, /outside the scope 4\.\.7/);
  });

  it('an entry listed twice', () => {
    const bundle = rangeBundle();
    bundle.entries.push({ ...bundle.entries[0] });
    expectFailure(verified(bundle), 3, /more than once/);
  });

  it('a wrong format or a malformed field, naming the entry', () => {
    expectFailure(
      verified({ ...rangeBundle(), format: 'crier-audit-bundle/v2' } as unknown as EvidenceBundle),
      undefined,
      /format/,
    );
    const bundle = rangeBundle();
    bundle.entries[1].chainHash = 'not hex';
    expectFailure(verified(bundle), 4, /entries\[1\]\.chainHash is not 64 lowercase hex digits/);
    expect(verifyBundle('not a bundle').ok).toBe(false);
  });
});

// Runs the verifier file itself, as ICT would after `npm run build`; Node 24 strips its types.
describe.runIf(process.features.typescript)('the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crier-verify-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const run = (...args: string[]) => {
    const child = spawnSync(process.execPath, ['--no-warnings', VERIFIER_PATH, ...args], {
      encoding: 'utf8',
    });
    return { status: child.status, out: child.stdout };
  };
  const keyFile = write('ict.pem', ICT_PEM);

  it('exits 0 for a valid bundle checked against the published key', () => {
    const { status, out } = run(
      write('good.json', JSON.stringify(rangeBundle())),
      '--public-key',
      keyFile,
    );
    expect(out).toMatch(/^VERIFIED: every check passed$/m);
    expect(status).toBe(0);
  });

  it('exits 1 and names the seq for a tampered bundle', () => {
    const bundle = rangeBundle();
    bundle.entries[2].payload = bundle.entries[2].payload.replace('message.sent', 'message.sunk');
    const { status, out } = run(
      write('bad.json', JSON.stringify(bundle)),
      `--public-key=${keyFile}`,
    );
    expect(out).toMatch(/^FAIL {2}seq 5: leafHash is not/m);
    expect(out).toMatch(/^NOT VERIFIED: \d+ failure\(s\); the first: seq 5: /m);
    expect(status).toBe(1);
  });

  it('exits 2 for a missing file or bad arguments', () => {
    expect(run(join(dir, 'absent.json')).status).toBe(2);
    expect(run().status).toBe(2);
    expect(run('a.json', '--frobnicate').status).toBe(2);
  });
});
