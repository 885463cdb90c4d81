/**
 * Every column that holds a value sealed by PhoneVault: numbers as `v1.<key id>.…` text
 * (`encrypt`), webhook bodies as bytes that start with the key id's length and the key id
 * (`sealBytes`). A new sealed column must be added here, or key rotation cannot retire a key.
 */
export interface SealedColumn {
  table: string;
  column: string;
  /** The primary key, which orders the walk through the table. */
  key: string;
  keyType: 'uuid' | 'bigint' | 'text';
  kind: 'text' | 'bytes';
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'subscribers', column: 'phone_sealed', key: 'id', keyType: 'uuid', kind: 'text' },
  {
    table: 'message_deliveries',
    column: 'recipient_phone_sealed',
    key: 'id',
    keyType: 'uuid',
    kind: 'text',
  },
  {
    table: 'inbound_messages',
    column: 'from_phone_sealed',
    key: 'id',
    keyType: 'uuid',
    kind: 'text',
  },
  {
    table: 'subscription_requests',
    column: 'phone_sealed',
    key: 'id',
    keyType: 'uuid',
    kind: 'text',
  },
  {
    table: 'join_conversations',
    column: 'phone_sealed',
    key: 'phone_hash',
    keyType: 'text',
    kind: 'text',
  },
  { table: 'staff', column: 'test_phone_sealed', key: 'id', keyType: 'uuid', kind: 'text' },
  {
    table: 'whatsapp_webhook_inbox',
    column: 'payload_sealed',
    key: 'id',
    keyType: 'bigint',
    kind: 'bytes',
  },
];

/** `table.column`, as reports name a column. */
export const columnName = (column: SealedColumn): string => `${column.table}.${column.column}`;

/** The LIKE pattern for text sealed under this key, with LIKE's wildcards in the id escaped. */
export const sealedPrefixPattern = (keyId: string): string =>
  `v1.${keyId.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;

/** The first bytes of bytes sealed under this key: the id's length, then the id. */
export const sealedBytesPrefix = (keyId: string): Buffer => {
  const id = Buffer.from(keyId, 'utf8');
  return Buffer.concat([Buffer.from([id.length]), id]);
};

/** SQL for the key id a stored value names (null for NULL). */
export const keyIdExpression = ({ column, kind }: SealedColumn): string =>
  kind === 'text'
    ? `split_part("${column}", '.', 2)`
    : `convert_from(substring("${column}" FROM 2 FOR get_byte("${column}", 0)), 'UTF8')`;

/**
 * SQL true for a value sealed under one of the older keys ($2, a text[]) and so not under the
 * newest ($1: a LIKE pattern for text, the prefix for bytes, which skips current rows cheaply).
 */
export const olderKeyPredicate = (column: SealedColumn): string =>
  column.kind === 'text'
    ? `"${column.column}" NOT LIKE $1 AND ${keyIdExpression(column)} = ANY($2::text[])`
    : `substring("${column.column}" FROM 1 FOR length($1::bytea)) <> $1::bytea
       AND ${keyIdExpression(column)} = ANY($2::text[])`;

export interface KeyCount {
  table: string;
  keyId: string;
  rows: number;
}

export interface KeyCensus {
  newestKeyId: string;
  /** Rows per key id, over every sealed column, the newest first, then the others by id. */
  byKey: { keyId: string; rows: number; configured: boolean }[];
  /** The configured older keys that no row needs any more: each can be retired. */
  retirable: string[];
  /** Rows under any key but the newest. */
  remaining: number;
}

/** What the counts per table and key mean for each configured key. */
export function keyCensus(keyIds: readonly string[], counts: readonly KeyCount[]): KeyCensus {
  const [newestKeyId, ...older] = keyIds;
  const totals = new Map<string, number>(keyIds.map((id) => [id, 0]));
  for (const { keyId, rows } of counts) totals.set(keyId, (totals.get(keyId) ?? 0) + rows);
  const byKey = [...totals.entries()]
    .map(([keyId, rows]) => ({ keyId, rows, configured: keyIds.includes(keyId) }))
    .sort((a, b) =>
      a.keyId === newestKeyId ? -1 : b.keyId === newestKeyId ? 1 : a.keyId.localeCompare(b.keyId),
    );
  return {
    newestKeyId,
    byKey,
    retirable: older.filter((id) => totals.get(id) === 0),
    remaining: byKey.reduce((sum, { keyId, rows }) => sum + (keyId === newestKeyId ? 0 : rows), 0),
  };
}
