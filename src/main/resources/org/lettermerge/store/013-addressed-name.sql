-- Version 13 (issue 12, "Who the recipient is, in every view"): recipient.name is the name the letter addressed the
-- recipient by, chosen when the row is queued: the campaign's rendered to_name, else the row's `name` column, else
-- first_name and last_name joined (campaign/PreparedCampaign.displayName). Before, it held only a column called exactly `name`.
--
-- Rows queued before this version: the to_name template is not in the log, so what can be derived from the row's
-- own fields is filled in (first_name + last_name where there was no `name` column); a row with neither stays empty.
UPDATE recipient
SET name = NULLIF(trim(coalesce(trim(json_extract(fields, '$.first_name')), '') || ' '
                       || coalesce(trim(json_extract(fields, '$.last_name')), '')), '')
WHERE (name IS NULL OR trim(name) = '') AND json_valid(fields);
