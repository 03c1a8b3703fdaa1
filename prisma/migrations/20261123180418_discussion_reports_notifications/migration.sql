-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'RESOLVED', 'DISMISSED');

-- CreateTable
CREATE TABLE "comment" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "language" TEXT,
    "thread_id" UUID,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "mention_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "edited_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reader_report" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "quoted_text" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL,
    "reporter_id" UUID,
    "reporter_key" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "handled_by_id" UUID,
    "handled_at" TIMESTAMPTZ(3),
    "handler_note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reader_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comment_segment_id_id_idx" ON "comment"("segment_id", "id");

-- CreateIndex
CREATE INDEX "comment_thread_id_id_idx" ON "comment"("thread_id", "id");

-- CreateIndex
CREATE INDEX "comment_work_id_resolved_at_idx" ON "comment"("work_id", "resolved_at");

-- CreateIndex
CREATE INDEX "reader_report_collection_id_status_id_idx" ON "reader_report"("collection_id", "status", "id");

-- CreateIndex
CREATE INDEX "reader_report_work_id_language_status_id_idx" ON "reader_report"("work_id", "language", "status", "id");

-- CreateIndex
CREATE INDEX "reader_report_reporter_key_created_at_idx" ON "reader_report"("reporter_key", "created_at");

-- CreateIndex
CREATE INDEX "notification_user_id_id_idx" ON "notification"("user_id", "id");

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reader_report" ADD CONSTRAINT "reader_report_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reader_report" ADD CONSTRAINT "reader_report_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reader_report" ADD CONSTRAINT "reader_report_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reader_report" ADD CONSTRAINT "reader_report_handled_by_id_fkey" FOREIGN KEY ("handled_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
