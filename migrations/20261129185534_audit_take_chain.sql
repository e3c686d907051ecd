-- Takes a free audit chain for the calling transaction and returns the chain's last hash, in one round trip.
-- The lock is taken first; the last hash is read by a later statement of this VOLATILE function, which (in
-- READ COMMITTED) takes a fresh snapshot after the lock, so it sees the previous holder's committed rows.
-- Reading the hash in the same statement as the lock would use a snapshot from before the lock (a fork).
CREATE OR REPLACE FUNCTION audit_take_chain(p_lock int, p_start int, p_chains int)
  RETURNS TABLE (o_chain int, o_hash text)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  c int;
  taken boolean := false;
BEGIN
  FOR g IN 0 .. p_chains - 1 LOOP
    c := (p_start + g) % p_chains;
    IF pg_try_advisory_xact_lock(p_lock, c) THEN
      taken := true;
      EXIT;
    END IF;
  END LOOP;
  IF NOT taken THEN
    c := p_start;
    PERFORM pg_advisory_xact_lock(p_lock, c);
  END IF;
  RETURN QUERY SELECT c, (SELECT a.hash FROM audit_log a WHERE a.chain = c ORDER BY a.id DESC LIMIT 1);
END $$;
