-- Moodle messages to teachers go through the outbox of e-mails: one row is one message on
-- one channel. A Moodle message is addressed by its platform and the recipient's Moodle
-- user id (their launch's sub); it has no e-mail address nor subject.
alter table notification add column channel varchar(8) default 'MAIL' not null;
alter table notification add column platform_id bigint references platform (id);
alter table notification add column moodle_user_id bigint;
alter table notification alter column email drop not null;
alter table notification alter column subject drop not null;
alter table notification add constraint notification_address check (
    (channel = 'MAIL' and email is not null and subject is not null)
    or (channel = 'MOODLE' and platform_id is not null and moodle_user_id is not null));
