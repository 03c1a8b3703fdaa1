#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded everywhere.
# `prisma generate` only needs it to exist; migrations run on the WASM engine instead.
echo '{"level":"ERROR","fields":{"message":"Use npm run db:migrate / db:new-migration: this project runs migrations on the WASM schema engine."},"target":"schema_engine::logger"}' >&2
exit 1
