/** Metadata of one uploaded file; the content is stored encrypted on disk under `storage_key`. */
export interface UploadsTable {
  id: string;
  tenant_id: string;
  draft_id: string | null;
  submission_id: string | null;
  field_id: string;
  /** The sanitised original name, encrypted with AAD `upload-name:<id>`. */
  name_encrypted: string;
  /** The type detected from the content, never the one the browser claimed. */
  mime_type: string;
  size_bytes: number;
  /** Hex SHA-256 of the plaintext, checked again on every load. */
  sha256: string;
  /** 32 random hex characters; the file is `<dataDir>/uploads/<first two>/<storage_key>`. */
  storage_key: string;
  /** Id of the data key the file and name were encrypted with (key rotation). */
  key_id: string;
  created_at: Date;
}

export interface UploadTables {
  uploads: UploadsTable;
}
