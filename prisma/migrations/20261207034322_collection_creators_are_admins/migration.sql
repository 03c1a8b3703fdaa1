-- Whoever creates a collection is its admin (lib/library/store-collection.ts). Collections created
-- before that get their creator — the account of their `collection.created` event — as admin now,
-- with the implicit `role.granted` event the application writes, unless that account already has a
-- role there, was removed from the collection since (`role.revoked`), is disabled or is gone.
-- Collections created from the command line have no creator account and stay as they are.
WITH creators AS (
  SELECT DISTINCT ON (e.collection_id) e.collection_id, e.actor_id
  FROM "audit_event" e
  JOIN "collection" c ON c.id = e.collection_id
  JOIN "user" u ON u.id = e.actor_id AND u.disabled_at IS NULL
  WHERE e.type = 'collection.created'
    AND NOT EXISTS (SELECT 1 FROM "collection_member" m WHERE m.collection_id = e.collection_id AND m.user_id = e.actor_id)
    AND NOT EXISTS (
      SELECT 1 FROM "audit_event" r
      WHERE r.type = 'role.revoked' AND r.collection_id = e.collection_id AND r.data->>'userId' = e.actor_id::text
    )
  ORDER BY e.collection_id, e.created_at
), granted AS (
  INSERT INTO "collection_member" (collection_id, user_id, role, granted_by_id)
  SELECT collection_id, actor_id, 'ADMIN', actor_id FROM creators
  RETURNING collection_id, user_id
)
INSERT INTO "audit_event" (id, type, actor_id, collection_id, implicit, data)
SELECT gen_random_uuid(), 'role.granted', user_id, collection_id, true, jsonb_build_object('userId', user_id, 'role', 'ADMIN', 'previousRole', NULL)
FROM granted;
