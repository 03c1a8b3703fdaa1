-- CreateEnum
CREATE TYPE "InvitationRole" AS ENUM ('VOLUNTEER', 'EDITOR', 'ADMIN');

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "getting_started_dismissed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "collection_invitation" (
    "id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "role" "InvitationRole" NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "max_uses" INTEGER,
    "use_count" INTEGER NOT NULL DEFAULT 0,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "collection_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "collection_invitation_token_hash_key" ON "collection_invitation"("token_hash");

-- CreateIndex
CREATE INDEX "collection_invitation_collection_id_created_at_idx" ON "collection_invitation"("collection_id", "created_at");

-- AddForeignKey
ALTER TABLE "collection_invitation" ADD CONSTRAINT "collection_invitation_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_invitation" ADD CONSTRAINT "collection_invitation_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A link is used at most `max_uses` times: the count is raised by a conditional UPDATE, and this
-- holds it even if a writer forgot the condition.
ALTER TABLE "collection_invitation" ADD CONSTRAINT "collection_invitation_uses_check" CHECK ("use_count" >= 0 AND ("max_uses" IS NULL OR ("max_uses" > 0 AND "use_count" <= "max_uses")));
