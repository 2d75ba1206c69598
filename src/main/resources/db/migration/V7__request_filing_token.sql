-- The form a request was filed from, named by a random token (FilingToken): the same form
-- sent again (Back then Send, a second click, two instances at once) finds the request
-- instead of filing it twice. Requests filed before have none; NULLs never collide.
alter table help_request add column filing_token varchar(22);
create unique index help_request_filing on help_request (requester_id, filing_token);
