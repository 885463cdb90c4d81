/**
 * Standalone verifier for Crier audit evidence bundles (format crier-audit-bundle/v1).
 *
 *   node verify-bundle.js BUNDLE.json [--public-key PUBLISHED-KEY.pem]
 *   npm run audit:verify-bundle -- BUNDLE.json --public-key PUBLISHED-KEY.pem   (in Crier's repo)
 *
 * The compiled file (dist/src/audit-verifier/verify-bundle.js) can be copied out and run on its
 * own with any current Node.js; it needs no packages.
 *
 * Exit code 0 only when every check passes; 1 when the bundle fails; 2 for a usage or read error.
 *
 * It deliberately imports nothing but Node's own modules: an auditor must be able to read all of
 * it in one sitting and run it on a machine that has never seen Crier, so that trusting the
 * result never means trusting Crier's code. It re-implements, from the RFCs rather than from
 * Crier's library, the RFC 6962 / RFC 9162 leaf and node hashes and inclusion-proof check, the
 * hash chain, and the Ed25519 checkpoint signature over the signed text.
 */
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const BUNDLE_FORMAT = 'crier-audit-bundle/v1';
const SIGNED_TEXT_HEADER = 'crier-audit-checkpoint/v1';
const HASH_BYTES = 32;
const ZERO_HASH_HEX = '0'.repeat(2 * HASH_BYTES);

// ---------------------------------------------------------------------------------------------
// RFC 6962 hashing and inclusion proofs

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** SHA-256(0x00 || data) */
export function leafHashOf(data: Uint8Array): Buffer {
  return sha256(Buffer.of(0x00), data);
}

/** SHA-256(0x01 || left || right) */
function nodeHashOf(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(Buffer.of(0x01), left, right);
}

/**
 * RFC 9162 section 2.1.3.2: whether `proof` shows `leafHash` is leaf `index` (0-based) of the tree
 * of `treeSize` leaves whose root is `root`. Arithmetic, not bit operators, keeps indices exact
 * beyond 2^31.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize) return false;
  if (![leafHash, root, ...proof].every((hash) => hash.length === HASH_BYTES)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHashOf(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHashOf(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && Buffer.from(r).equals(root);
}

// ---------------------------------------------------------------------------------------------
// The bundle's shape

interface Checkpoint {
  origin: string;
  size: number;
  root: string;
  chainHead: string;
  at: string;
  keyId: string;
  signature: string;
}

interface Entry {
  seq: number;
  payload: string;
  leafHash: string;
  chainHash: string;
  previousChainHash: string;
  inclusionProof: string[];
}

interface Bundle {
  scope: { messageId: string } | { fromSeq: number; toSeq: number };
  checkpoint: Checkpoint;
  publicKey: { keyId: string; spki: string; pem: string };
  entries: Entry[];
}

/** The text the checkpoint signature covers: six lines, each ending in "\n". */
export function checkpointSignedText(cp: Omit<Checkpoint, 'keyId' | 'signature'>): string {
  return `${SIGNED_TEXT_HEADER}\n${cp.origin}\n${cp.size}\n${cp.root}\n${cp.chainHead}\n${cp.at}\n`;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const HASH_HEX = /^[0-9a-f]{64}$/;
const KEY_ID_HEX = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isIsoTime = (text: string): boolean => ISO_TIME.test(text) && !Number.isNaN(Date.parse(text));
// Strict: Buffer.from(text, 'base64') skips junk silently, so insist the text round-trips.
const isBase64 = (text: string): boolean =>
  text.length > 0 && Buffer.from(text, 'base64').toString('base64') === text;
const isHashList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && HASH_HEX.test(item));
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A shape problem, tied to an entry's seq when the entry has a readable one. */
interface Problem {
  seq?: number;
  reason: string;
}

/** Reads one object's fields, collecting every problem rather than stopping at the first. */
function fieldReader(object: Json, where: string, problems: Problem[], seq?: number) {
  const fail = (key: string, what: string): void => {
    problems.push({ seq, reason: `${where}.${key} ${what}` });
  };
  return {
    text(key: string, valid: (text: string) => boolean = () => true, what = 'is invalid'): string {
      const value = object[key];
      if (typeof value !== 'string') fail(key, 'is missing or not a string');
      else if (!valid(value)) fail(key, what);
      return typeof value === 'string' ? value : '';
    },
    count(key: string, min: number): number {
      const value = object[key];
      if (!isCount(value) || value < min) fail(key, `is not a whole number >= ${min}`);
      return isCount(value) ? value : 0;
    },
  };
}

function readBundle(input: unknown, problems: Problem[]): Bundle | undefined {
  if (!isObject(input)) {
    problems.push({ reason: 'the bundle is not a JSON object' });
    return undefined;
  }
  if (input.format !== BUNDLE_FORMAT) {
    problems.push({ reason: `format is ${JSON.stringify(input.format)}, not "${BUNDLE_FORMAT}"` });
    return undefined;
  }
  const top = fieldReader(input, 'bundle', problems);
  top.text('generatedAt', isIsoTime, 'is not an ISO 8601 time');
  const scope = readScope(input.scope, problems);
  const checkpoint = readCheckpoint(input.checkpoint, problems);
  const publicKey = readPublicKey(input.publicKey, problems);
  const list: unknown = input.entries;
  if (!Array.isArray(list)) problems.push({ reason: 'bundle.entries is missing or not an array' });
  const entries = Array.isArray(list)
    ? list.map((entry: unknown, i) => readEntry(entry, i, problems))
    : [];
  if (!scope || !checkpoint || !publicKey || problems.length > 0) return undefined;
  return { scope, checkpoint, publicKey, entries };
}

function readScope(input: unknown, problems: Problem[]): Bundle['scope'] | undefined {
  if (!isObject(input)) {
    problems.push({ reason: 'bundle.scope is missing or not an object' });
    return undefined;
  }
  const fields = fieldReader(input, 'scope', problems);
  if ('messageId' in input) {
    return { messageId: fields.text('messageId', (id) => UUID.test(id), 'is not a UUID') };
  }
  const fromSeq = fields.count('fromSeq', 1);
  const toSeq = fields.count('toSeq', 1);
  if (fromSeq > toSeq) problems.push({ reason: 'scope.fromSeq is after scope.toSeq' });
  return { fromSeq, toSeq };
}

function readCheckpoint(input: unknown, problems: Problem[]): Checkpoint | undefined {
  if (!isObject(input)) {
    problems.push({ reason: 'bundle.checkpoint is missing or not an object' });
    return undefined;
  }
  const f = fieldReader(input, 'checkpoint', problems);
  const oneLine = (text: string): boolean => text.length > 0 && !text.includes('\n');
  return {
    origin: f.text('origin', oneLine, 'must be one non-empty line'),
    size: f.count('size', 0),
    root: f.text('root', (t) => HASH_HEX.test(t), 'is not 64 lowercase hex digits'),
    chainHead: f.text('chainHead', (t) => HASH_HEX.test(t), 'is not 64 lowercase hex digits'),
    at: f.text('at', isIsoTime, 'is not an ISO 8601 time'),
    keyId: f.text('keyId', (t) => KEY_ID_HEX.test(t), 'is not 32 lowercase hex digits'),
    signature: f.text('signature', isBase64, 'is not base64'),
  };
}

function readPublicKey(input: unknown, problems: Problem[]): Bundle['publicKey'] | undefined {
  if (!isObject(input)) {
    problems.push({ reason: 'bundle.publicKey is missing or not an object' });
    return undefined;
  }
  const f = fieldReader(input, 'publicKey', problems);
  return {
    keyId: f.text('keyId', (t) => KEY_ID_HEX.test(t), 'is not 32 lowercase hex digits'),
    spki: f.text('spki', isBase64, 'is not base64'),
    pem: f.text('pem'),
  };
}

function readEntry(input: unknown, index: number, problems: Problem[]): Entry {
  const empty: Entry = {
    seq: 0,
    payload: '',
    leafHash: '',
    chainHash: '',
    previousChainHash: '',
    inclusionProof: [],
  };
  if (!isObject(input)) {
    problems.push({ reason: `entries[${index}] is not an object` });
    return empty;
  }
  // Name the entry by its seq when it has one, since that is what an investigator looks up.
  const seq = isCount(input.seq) && input.seq > 0 ? input.seq : undefined;
  const where = `entries[${index}]`;
  const f = fieldReader(input, where, problems, seq);
  const hex = (t: string): boolean => HASH_HEX.test(t);
  const entry: Entry = {
    seq: f.count('seq', 1),
    payload: f.text('payload'),
    leafHash: f.text('leafHash', hex, 'is not 64 lowercase hex digits'),
    chainHash: f.text('chainHash', hex, 'is not 64 lowercase hex digits'),
    previousChainHash: f.text('previousChainHash', hex, 'is not 64 lowercase hex digits'),
    inclusionProof: [],
  };
  const proof: unknown = input.inclusionProof;
  if (isHashList(proof)) {
    entry.inclusionProof = proof;
  } else {
    problems.push({ seq, reason: `${where}.inclusionProof is not a list of 64-hex-digit hashes` });
  }
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface VerifyOptions {
  /** PEM of the key ICT published. Without it the bundle's own key is used, with a warning. */
  publicKeyPem?: string;
}

export interface VerifyFailure {
  seq?: number;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  /** One line per check, in order, for printing. */
  checks: string[];
  failures: VerifyFailure[];
  warnings: string[];
}

/** Collects results; every failure is also a printed line. */
function newReport() {
  const result: VerifyResult = { ok: false, checks: [], failures: [], warnings: [] };
  return {
    result,
    pass(line: string): void {
      result.checks.push(`ok    ${line}`);
    },
    fail(reason: string, seq?: number): void {
      result.failures.push(seq === undefined ? { reason } : { seq, reason });
      result.checks.push(`FAIL  ${seq === undefined ? '' : `seq ${seq}: `}${reason}`);
    },
    warn(line: string): void {
      result.warnings.push(line);
      result.checks.push(`WARN  ${line}`);
    },
    note(line: string): void {
      result.checks.push(`note  ${line}`);
    },
  };
}
type Report = ReturnType<typeof newReport>;

/** Checks a parsed bundle (the value of JSON.parse of its file). */
export function verifyBundle(input: unknown, options: VerifyOptions = {}): VerifyResult {
  const report = newReport();
  const problems: Problem[] = [];
  const bundle = readBundle(input, problems);
  if (!bundle) {
    for (const { seq, reason } of problems) report.fail(`shape: ${reason}`, seq);
    return report.result;
  }
  report.pass(`format ${BUNDLE_FORMAT}; the bundle's fields are well formed`);

  const key = trustedKey(bundle, options, report);
  checkSignature(bundle.checkpoint, key, report);
  checkEntries(bundle, report);
  checkScope(bundle, report);

  report.result.ok = report.result.failures.length === 0;
  return report.result;
}

const keyIdOf = (spkiDer: Buffer): string => sha256(spkiDer).subarray(0, 16).toString('hex');

function spkiOf(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/** The key to check the signature with: the published one when given, else the bundle's own. */
function trustedKey(bundle: Bundle, options: VerifyOptions, report: Report): KeyObject | undefined {
  const spki = Buffer.from(bundle.publicKey.spki, 'base64');
  let bundleKey: KeyObject | undefined;
  try {
    bundleKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch {
    report.fail('publicKey.spki is not a DER SubjectPublicKeyInfo');
  }
  if (bundleKey && bundleKey.asymmetricKeyType !== 'ed25519') {
    report.fail(`publicKey is a ${bundleKey.asymmetricKeyType} key, not Ed25519`);
    bundleKey = undefined;
  }
  if (bundleKey) {
    let pemMatches = false;
    try {
      pemMatches = spkiOf(createPublicKey(bundle.publicKey.pem)).equals(spki);
    } catch {
      // Reported just below as a mismatch.
    }
    if (pemMatches) report.pass('publicKey.pem and publicKey.spki are the same key');
    else report.fail('publicKey.pem is not the same key as publicKey.spki');
    const keyId = keyIdOf(spki);
    if (keyId === bundle.publicKey.keyId) report.pass(`publicKey.keyId ${keyId} matches the key`);
    else report.fail(`publicKey.keyId is ${bundle.publicKey.keyId}, but the key's id is ${keyId}`);
  }

  if (options.publicKeyPem === undefined) {
    report.warn(
      'no --public-key given: the signature is checked with the key inside the bundle, which ' +
        'proves the bundle is intact but not who made it. Compare keyId ' +
        `${bundle.publicKey.keyId} with the key ICT published.`,
    );
    return bundleKey;
  }
  let published: KeyObject;
  try {
    published = createPublicKey(options.publicKeyPem);
  } catch {
    report.fail('the --public-key file is not a PEM public key');
    return undefined;
  }
  if (published.asymmetricKeyType !== 'ed25519') {
    report.fail(`the --public-key file holds a ${published.asymmetricKeyType} key, not Ed25519`);
    return undefined;
  }
  const publishedId = keyIdOf(spkiOf(published));
  if (spkiOf(published).equals(spki)) {
    report.pass(`the bundle's key is the published key (keyId ${publishedId})`);
  } else {
    report.fail(
      `the bundle's key (keyId ${bundle.publicKey.keyId}) is not the published key ` +
        `(keyId ${publishedId})`,
    );
  }
  return published;
}

function checkSignature(cp: Checkpoint, key: KeyObject | undefined, report: Report): void {
  if (!key) {
    report.fail('the checkpoint signature cannot be checked without a usable Ed25519 key');
    return;
  }
  const keyId = keyIdOf(spkiOf(key));
  if (cp.keyId !== keyId) {
    report.fail(`checkpoint.keyId is ${cp.keyId}, but the key checking it has keyId ${keyId}`);
  }
  let valid = false;
  try {
    const text = Buffer.from(checkpointSignedText(cp), 'utf8');
    valid = verify(null, text, key, Buffer.from(cp.signature, 'base64'));
  } catch {
    // A malformed signature is simply not a valid one.
  }
  const what = `checkpoint (origin ${cp.origin}, size ${cp.size}, at ${cp.at})`;
  if (valid) report.pass(`the ${what} is signed by keyId ${keyId}`);
  else report.fail(`the signature on the ${what} does not verify with keyId ${keyId}`);
}

function checkEntries(bundle: Bundle, report: Report): void {
  const { checkpoint, entries } = bundle;
  const root = Buffer.from(checkpoint.root, 'hex');
  const bySeq = new Map<number, Entry>();
  for (const entry of entries) {
    if (bySeq.has(entry.seq)) {
      report.fail('appears more than once in the bundle', entry.seq);
      continue;
    }
    bySeq.set(entry.seq, entry);
    checkEntry(entry, checkpoint, root, report);
  }
  let links = 0;
  let broken = 0;
  for (const entry of bySeq.values()) {
    const previous = bySeq.get(entry.seq - 1);
    if (!previous) continue;
    links += 1;
    if (entry.previousChainHash !== previous.chainHash) {
      broken += 1;
      report.fail(
        `previousChainHash is not the chainHash of seq ${previous.seq}: the chain is broken ` +
          'between them',
        entry.seq,
      );
    }
  }
  if (links > 0 && broken === 0) {
    report.pass(`${links} pair(s) of consecutive entries link through their chain hashes`);
  }
}

function checkEntry(entry: Entry, cp: Checkpoint, root: Buffer, report: Report): void {
  const { seq } = entry;
  const failuresBefore = report.result.failures.length;
  // Everything below is computed from the payload, not from the stored leafHash: the claim to
  // prove is that this text is in the log.
  const leaf = leafHashOf(Buffer.from(entry.payload, 'utf8'));
  if (leaf.toString('hex') !== entry.leafHash) {
    report.fail(
      'leafHash is not SHA-256(0x00 || payload): the payload or its hash was altered',
      seq,
    );
  }
  if (seq === 1 && entry.previousChainHash !== ZERO_HASH_HEX) {
    report.fail('previousChainHash of the first event must be 32 zero bytes', seq);
  }
  const chain = sha256(Buffer.from(entry.previousChainHash, 'hex'), leaf).toString('hex');
  if (chain !== entry.chainHash) {
    report.fail('chainHash is not SHA-256(previousChainHash || leaf hash of the payload)', seq);
  }
  if (seq > cp.size) {
    report.fail(
      `is beyond the checkpoint's size ${cp.size}, so the checkpoint cannot vouch for it`,
      seq,
    );
  } else {
    const proof = entry.inclusionProof.map((hash) => Buffer.from(hash, 'hex'));
    if (!verifyInclusion(leaf, seq - 1, cp.size, proof, root)) {
      report.fail(
        `the inclusion proof does not lead from the payload to the checkpoint's root ` +
          `(leaf index ${seq - 1} of ${cp.size})`,
        seq,
      );
    }
  }
  if (seq === cp.size && entry.chainHash !== cp.chainHead) {
    report.fail("is the checkpoint's newest event, but its chainHash is not the chainHead", seq);
  }
  checkPayloadSeq(entry, report);
  if (report.result.failures.length === failuresBefore) {
    const head = seq === cp.size ? ', chain head' : '';
    report.pass(`seq ${seq}: leaf hash, chain hash, inclusion proof${head}, payload seq`);
  }
}

function checkPayloadSeq(entry: Entry, report: Report): void {
  let payload: unknown;
  try {
    payload = JSON.parse(entry.payload);
  } catch {
    report.fail('payload is not JSON', entry.seq);
    return;
  }
  const own = isObject(payload) ? payload.seq : undefined;
  if (own !== entry.seq) {
    report.fail(`the payload's own seq is ${JSON.stringify(own)}, not the entry's seq`, entry.seq);
  }
}

function checkScope(bundle: Bundle, report: Report): void {
  const { scope, entries, checkpoint } = bundle;
  if ('messageId' in scope) {
    // Only Crier's database knows which events are about a message, so completeness of this
    // list cannot be proved offline; each listed event is proved to be in the log.
    report.note(
      `scope: message ${scope.messageId}, ${entries.length} entries; each is proved to be in ` +
        'the log, but that the list is complete cannot be checked offline',
    );
    return;
  }
  const { fromSeq, toSeq } = scope;
  if (toSeq > checkpoint.size) {
    report.fail(`scope.toSeq ${toSeq} is beyond the checkpoint's size ${checkpoint.size}`);
  }
  const present = new Set<number>();
  for (const { seq } of entries) {
    if (seq < fromSeq || seq > toSeq) report.fail(`is outside the scope ${fromSeq}..${toSeq}`, seq);
    present.add(seq);
  }
  const missing: [number, number][] = [];
  for (let seq = fromSeq; seq <= toSeq; seq += 1) {
    if (present.has(seq)) continue;
    const last = missing.at(-1);
    if (last && last[1] === seq - 1) last[1] = seq;
    else missing.push([seq, seq]);
  }
  for (const [from, to] of missing) {
    const span = from === to ? `seq ${from} is` : `seqs ${from}..${to} are`;
    report.fail(`${span} inside the scope but missing from the bundle`, from);
  }
  if (missing.length === 0) report.pass(`scope: every event ${fromSeq}..${toSeq} is present`);
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = 'usage: verify-bundle BUNDLE.json [--public-key PUBLISHED-KEY.pem]';

function parseArgs(args: string[]): { file: string; keyFile?: string } | string {
  let file: string | undefined;
  let keyFile: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--public-key') {
      keyFile = args[i + 1];
      i += 1;
      if (keyFile === undefined) return '--public-key needs a file';
    } else if (arg.startsWith('--public-key=')) {
      keyFile = arg.slice('--public-key='.length);
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else if (file === undefined) {
      file = arg;
    } else {
      return 'give one bundle file';
    }
  }
  return file === undefined ? 'give the bundle file' : { file, keyFile };
}

export function main(args: string[], print: (line: string) => void = console.log): number {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    print(`${parsed}\n${USAGE}`);
    return 2;
  }
  let bundle: unknown;
  let publicKeyPem: string | undefined;
  try {
    bundle = JSON.parse(readFileSync(parsed.file, 'utf8'));
    if (parsed.keyFile !== undefined) publicKeyPem = readFileSync(parsed.keyFile, 'utf8');
  } catch (error) {
    print(`cannot read the input: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const result = verifyBundle(bundle, { publicKeyPem });
  for (const line of result.checks) print(line);
  if (result.ok) {
    const caveat = result.warnings.length > 0 ? ' (see the warning above about the key)' : '';
    print(`VERIFIED: every check passed${caveat}`);
    return 0;
  }
  const first = result.failures[0];
  const where = first.seq === undefined ? '' : `seq ${first.seq}: `;
  print(`NOT VERIFIED: ${result.failures.length} failure(s); the first: ${where}${first.reason}`);
  return 1;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    // Node resolves symlinks for the main module, so compare against the real path.
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = main(process.argv.slice(2));
