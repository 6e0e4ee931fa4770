CREATE TABLE "shares" (
	"id" text PRIMARY KEY NOT NULL,
	"delete_token_hash" text NOT NULL,
	"title" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
