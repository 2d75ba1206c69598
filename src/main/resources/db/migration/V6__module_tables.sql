-- Modules own their tables. The course artifacts keep a row of their own per course they
-- have looked at, which a check locks while it compares and stores, instead of locking
-- the launch's course table.
create table artifact_course (
    course_id     bigint       primary key references course (id),
    platform_id   bigint       not null references platform (id),
    context_id    varchar(255) not null,
    first_seen_at timestamp with time zone not null
);

-- News between modules (a request filed, a reply, a rework...) as Spring Modulith's event
-- publication registry keeps it: written in the transaction that publishes the event,
-- removed once the listener has handled it, so that a crash between the two loses
-- nothing (see EventResubmission). A handled event is deleted. Unbounded text on both
-- H2 and PostgreSQL: an event may carry a decline reason or an artifact's name.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar       not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_listener on event_publication (listener_id);
create index event_publication_completion on event_publication (completion_date);
