-- AlterTable
ALTER TABLE "user" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "admin_setup_token" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "used_by_id" UUID,

    CONSTRAINT "admin_setup_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rate_limit_expire_idx" ON "rate_limit"("expire");

-- CreateIndex
CREATE UNIQUE INDEX "admin_setup_token_token_hash_key" ON "admin_setup_token"("token_hash");

-- AddForeignKey
ALTER TABLE "admin_setup_token" ADD CONSTRAINT "admin_setup_token_used_by_id_fkey" FOREIGN KEY ("used_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A session ended (sign-out, password change, account disabled) closes that user's collaboration
-- connections too, like a change of role: the sockets re-authenticate and a token of the ended
-- session is refused (lib/collab/collab-server.ts).
CREATE OR REPLACE FUNCTION collab_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'user' THEN
    IF NEW.disabled_at IS DISTINCT FROM OLD.disabled_at OR NEW.site_role IS DISTINCT FROM OLD.site_role
       OR NEW.session_version IS DISTINCT FROM OLD.session_version THEN
      PERFORM pg_notify('collab_access', NEW.id::text);
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('collab_access', OLD.user_id::text);
  ELSE
    PERFORM pg_notify('collab_access', NEW.user_id::text);
  END IF;
  RETURN NULL;
END;
$$;
