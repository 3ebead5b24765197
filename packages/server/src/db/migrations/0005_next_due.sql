ALTER TABLE "participant" ADD COLUMN "next_due_on" date;--> statement-breakpoint
CREATE INDEX "participant_org_next_due_idx" ON "participant" USING btree ("organization_id","next_due_on","id");--> statement-breakpoint
-- Cases that already have open tasks get their earliest due date (run by the schema owner).
UPDATE "participant" SET "next_due_on" = open_tasks.due
  FROM (SELECT "participant_id", min("due_on") AS due FROM "task" WHERE "done_at" IS NULL GROUP BY "participant_id") open_tasks
  WHERE open_tasks."participant_id" = "participant"."id";
