-- Saved assessments. A revisit points to the version it follows; deleting
-- that version clears the pointer and keeps the revisit. The JSON columns
-- use json, not jsonb, to keep the text exactly as written (jsonb rejects
-- the \u0000 escape that free text may contain).
CREATE TABLE assessments (
    id                text PRIMARY KEY,
    previous_id       text REFERENCES assessments (id) ON DELETE SET NULL,
    version           integer NOT NULL CHECK (version >= 1),
    answers           json NOT NULL,
    evaluation        json NOT NULL,
    delete_token_hash bytea NOT NULL CHECK (length(delete_token_hash) = 32),
    created_at        timestamptz NOT NULL
);

CREATE INDEX assessments_previous_id ON assessments (previous_id);
