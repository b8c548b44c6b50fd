-- Run once by the postgres image when it creates the database (docker-entrypoint-initdb.d): Konifer stores asset
-- paths as ltree and does not create the extension itself (see docs/production-stores.md).
CREATE EXTENSION IF NOT EXISTS ltree;
