-- Saved assessments. A revisit points to the version it follows; deleting
-- that version clears the pointer and keeps the revisit.
CREATE TABLE assessments (
    id                TEXT PRIMARY KEY NOT NULL,
    previous_id       TEXT REFERENCES assessments (id) ON DELETE SET NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    answers           TEXT NOT NULL CHECK (json_valid(answers)),
    evaluation        TEXT NOT NULL CHECK (json_valid(evaluation)),
    delete_token_hash BLOB NOT NULL CHECK (length(delete_token_hash) = 32),
    created_at        TEXT NOT NULL
) STRICT;

CREATE INDEX assessments_previous_id ON assessments (previous_id);
