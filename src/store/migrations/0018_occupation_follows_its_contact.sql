-- An occupation learnt at a contact names it (contact_id), so that correcting or voiding the contact
-- corrects or voids the occupation too (casework reviseRecord/voidRecord). For the records written
-- before: the contact written just before the occupation, in the same transaction, for the same person,
-- on the same date and naming the same occupation.
UPDATE case_records AS o SET data = json_set(o.data, '$.contact_id', c.id)
  FROM case_records AS c
  WHERE o.kind = 'occupation' AND json_extract(o.data, '$.source') = 'contact' AND c.id = o.id - 1
    AND c.kind = 'contact_attempt' AND c.person_id = o.person_id
    AND json_extract(c.data, '$.date') = json_extract(o.data, '$.effective_date')
    AND json_extract(c.data, '$.occupation') = json_extract(o.data, '$.kind');
