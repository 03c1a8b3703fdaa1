-- A role granted or revoked, an account disabled or its site role changed: collaboration servers
-- close that user's connections (lib/collab/collab-server.ts) so they re-authenticate with the
-- rights the user has now. Delivered on commit.
CREATE FUNCTION collab_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'user' THEN
    IF NEW.disabled_at IS DISTINCT FROM OLD.disabled_at OR NEW.site_role IS DISTINCT FROM OLD.site_role THEN
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

CREATE TRIGGER collection_member_collab_access AFTER INSERT OR UPDATE OR DELETE ON "collection_member"
  FOR EACH ROW EXECUTE FUNCTION collab_access_changed();
CREATE TRIGGER user_collab_access AFTER UPDATE ON "user"
  FOR EACH ROW EXECUTE FUNCTION collab_access_changed();
