-- Document files are encrypted at rest with a key of their dossier (Art. 27 §2: deletion is
-- automatic and must reach every copy). Files end up in backups and object-store versions the
-- platform cannot reach; deleting the dossier's key row is what makes all of those copies
-- unreadable at once ("crypto-shredding", docs/decisions/0009-documents-encrypted-per-dossier.md).
-- The key is kept only wrapped by the master key of the configuration (DOCUMENT_MASTER_KEY), so a
-- copy of the database alone opens nothing.

create table dossier_key (
  dossier_id uuid primary key references dossier (id) on delete cascade,
  algorithm text not null check (algorithm in ('aes-256-gcm')),
  wrapping text not null check (wrapping in ('aes-256-gcm')),
  master_key_id text not null,
  wrapped_key bytea not null,
  created_at timestamptz not null
);
comment on table dossier_key is 'The data key of a dossier''s document files, wrapped by a master key; deleting the row makes every copy of the files unreadable';
comment on column dossier_key.dossier_id is 'category: none; the dossier whose files the key opens (a key never outlives its dossier)';
comment on column dossier_key.algorithm is 'category: none; how the files are encrypted with the data key: aes-256-gcm, a random 96-bit nonce per file, the document id as associated data';
comment on column dossier_key.wrapping is 'category: none; how the data key is wrapped by the master key: aes-256-gcm with the dossier id as associated data';
comment on column dossier_key.master_key_id is 'category: none; the fingerprint of the master key that wrapped it, so a rotation can tell old wrappings from new';
comment on column dossier_key.wrapped_key is 'category: none; nonce, encrypted 32-byte data key and tag; useless without the master key';
comment on column dossier_key.created_at is 'category: none';

-- Which document files are encrypted: files stored before this migration are not, and are served
-- as they were stored. Recorded rather than guessed from the bytes, so a damaged header can never
-- make a sealed file pass for a plain one.
create table document_seal (
  document_id uuid primary key references document (id) on delete cascade,
  algorithm text not null check (algorithm in ('aes-256-gcm')),
  created_at timestamptz not null
);
comment on table document_seal is 'One row per document whose file is encrypted with its dossier''s key; a document without one was stored in plain before encryption existed';
comment on column document_seal.document_id is 'category: none';
comment on column document_seal.algorithm is 'category: none; the format of the stored file (aes-256-gcm: header, nonce, ciphertext, tag)';
comment on column document_seal.created_at is 'category: none';
