/** A signed checkpoint as Brigade keeps and serves it. */
export interface StoredCheckpoint {
  readonly treeSize: number;
  /** The Merkle tree's root at that size, hex-encoded. */
  readonly rootHash: string;
  /** The signing key's id, 8 hex digits. */
  readonly keyId: string;
  /** The whole C2SP signed note: the checkpoint's lines, a blank line and the signature line. */
  readonly signedNote: string;
  readonly createdAt: string;
}
