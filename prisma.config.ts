import path from 'node:path';

import { defineConfig } from 'prisma/config';

// The Prisma CLI downloads a native schema engine on first use, which machines without internet
// cannot do. `prisma generate` never runs that engine, it only needs the path to exist; every
// migration command of this project runs on the WASM engine instead (scripts/db-migrate.ts,
// scripts/new-migration.ts). The stand-in explains that if someone runs `prisma migrate` directly.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/schema-engine-stand-in.sh');
process.env.CHECKPOINT_DISABLE ??= '1';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
