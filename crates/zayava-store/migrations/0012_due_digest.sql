-- A digest of each application's stored due dates (issue 19): a recompute compares the
-- dates it works out with this one value instead of reading every stored row back, and
-- writes the rows (and the digest, in the same transaction) only when they differ.
-- NULL — as for every application until its first recompute here — matches nothing.
ALTER TABLE application ADD COLUMN due_digest TEXT;
