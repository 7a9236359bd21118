-- Recovery codes are stored as salted hashes (s1$<salt>$<sha-256>), longer than a bare digest.
ALTER TABLE account_recovery_code ALTER COLUMN code_hash SET DATA TYPE VARCHAR(120);
