-- A decision on a suggestion is queued for the live collaboration documents like a change of a
-- published text (lib/collab/outbox.ts): a draft marked done that is the text just rejected or
-- only partly approved loses its done mark, so "Submit all drafts marked done" does not send it
-- again. An approval that publishes also changes `segment_text`, whose trigger queues it too; the
-- outbox applies the two rows together.
CREATE FUNCTION collab_outbox_from_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO collab_outbox (segment_id, language)
    SELECT n.segment_id, n.language FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.status IN ('REJECTED', 'PUBLISHED') AND n.status IS DISTINCT FROM o.status;
  IF FOUND THEN
    PERFORM pg_notify('collab_outbox', '');
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER suggestion_collab_outbox_update AFTER UPDATE ON "suggestion"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collab_outbox_from_decisions();
