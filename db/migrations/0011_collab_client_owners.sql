CREATE TABLE "collab_client_owners" (
	"doc_name" text NOT NULL,
	"client_id" bigint NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collab_client_owners_doc_name_client_id_pk" PRIMARY KEY("doc_name","client_id")
);
