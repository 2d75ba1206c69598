-- The engineer's queue. A search that ignores case and accents on H2 and PostgreSQL
-- alike: each text is also stored lower-cased, without accents nor ligatures
-- (SearchText writes it with the text; the rows already there are filled here, which
-- covers the letters of the languages Tandem's teachers write in), and the search
-- compares the words typed, normalised the same way, with like. Empty by default for rows
-- other modules' test fixtures write without Tandem: such a row is found by no search.
alter table help_request add column search_text varchar(4300) default '' not null;
update help_request set search_text = lower(replace(replace(replace(replace(replace(replace(replace(translate(
    title || ' ' || need,
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ’‘',
    'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyy'''''),
    'Œ', 'oe'), 'œ', 'oe'), 'Æ', 'ae'), 'æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ﬁ', 'fi'));

alter table request_message add column search_body varchar(10000) default '' not null;
update request_message set search_body = lower(replace(replace(replace(replace(replace(replace(replace(translate(
    body,
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ’‘',
    'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyy'''''),
    'Œ', 'oe'), 'œ', 'oe'), 'Æ', 'ae'), 'æ', 'ae'), 'ß', 'ss'), 'ẞ', 'ss'), 'ﬁ', 'fi'));

-- When each engineer last opened each request: what happened after, by someone else, is
-- news for them in the queue.
create table request_view (
    person_id  bigint not null references person (id),
    request_id bigint not null references help_request (id),
    viewed_at  timestamp with time zone not null,
    primary key (person_id, request_id)
);

-- The queue sorted by wished date reads the platform's requests in that order.
create index help_request_wished on help_request (platform_id, wished_date);
