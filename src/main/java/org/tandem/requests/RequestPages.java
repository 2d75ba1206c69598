package org.tandem.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.tandem.artifacts.CourseLinks;
import org.tandem.artifacts.HelpKind;
import org.tandem.lti.Directory;
import org.tandem.lti.Directory.CourseRef;
import org.tandem.lti.Directory.Person;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;
import org.tandem.requests.attachments.Attachment;
import org.tandem.requests.attachments.Attachments;
import org.tandem.requests.templates.AnswerTemplates;
import org.tandem.requests.time.TimeActivity;
import org.tandem.requests.time.TimeEntries;
import org.tandem.system.TandemProperties;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the request pages show, read in a few queries: the request, its conversation and
 * history, the people's names, and what the viewer may do.
 */
@Component
@Transactional(readOnly = true)
class RequestPages {

	static final int PAGE_SIZE = 50;

	private final RequestRepository requests;

	private final TimeEntries time;

	private final AnswerTemplates templates;

	private final Directory directory;

	private final PlatformRegistry platforms;

	private final Attachments attachments;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	RequestPages(RequestRepository requests, TimeEntries time, AnswerTemplates templates, Directory directory,
			PlatformRegistry platforms, Attachments attachments, MessageSource messages, Clock clock,
			TandemProperties properties) {
		this.requests = requests;
		this.time = time;
		this.templates = templates;
		this.directory = directory;
		this.platforms = platforms;
		this.attachments = attachments;
		this.messages = messages;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	RequestView request(LaunchSession launch, HelpRequest request) {
		boolean engineer = HelpDesk.isEngineerOf(launch, request);
		boolean teacher = HelpDesk.isTeacherOf(launch, request);
		List<RequestRepository.Message> conversation = requests.messages(request.id(), engineer);
		List<RequestRepository.Event> history = requests.events(request.id());
		// Once the help is given, the teacher sees how much of the designers' time it
		// took.
		boolean teacherSeesTime = teacher && request.status().rateable();
		List<TimeEntries.TimeEntry> entries = engineer || teacherSeesTime ? time.of(request.id()) : List.of();
		List<Attachment> files = attachments.of(request.id(), engineer);
		Set<Long> ids = new HashSet<>();
		ids.add(request.requesterId());
		if (request.assigneeId() != null) {
			ids.add(request.assigneeId());
		}
		conversation.forEach(m -> ids.add(m.authorId()));
		history.forEach(e -> ids.add(e.actorId()));
		history.stream()
			.filter(e -> e.type() == RequestRepository.EventType.ASSIGNEE)
			.flatMap(e -> Stream.of(e.from(), e.to()))
			.filter(v -> v != null)
			.forEach(v -> ids.add(Long.parseLong(v)));
		if (engineer) {
			entries.forEach(t -> ids.add(t.engineerId()));
		}
		Map<Long, Person> people = directory.people(ids);
		CourseRef course = directory.courses(List.of(request.courseId())).get(request.courseId());
		Instant now = clock.instant();
		List<Directory.Engineer> engineers = engineer ? directory.engineers(request.platformId()) : List.of();
		return new RequestView(request, course,
				platforms.byId(request.platformId())
					.map(p -> CourseLinks.course(p.siteUrl(), course.contextId()))
					.orElse(null),
				label(people, request.requesterId()),
				request.assigneeId() == null ? null : label(people, request.assigneeId()), filesOf(files, null),
				conversation.stream()
					.map(m -> new MessageView(label(people, m.authorId()), m.authorId() != request.requesterId(),
							m.internal(), m.body(), m.createdAt(), filesOf(files, m.id())))
					.toList(),
				history.stream().map(e -> new EventView(describe(e, people), e.reason(), e.createdAt())).toList(),
				// Each entry, with its note, is the engineers' own.
				engineer ? entries.stream()
					.map(t -> new TimeView(label(people, t.engineerId()), t.workDate(), t.minutes(), t.activity(),
							t.kind(), t.note()))
					.toList() : List.of(),
				minutes(entries, HelpKind.MEDIATION), minutes(entries, HelpKind.MEDIATISATION),
				request.firstAnswerWait(history, now), request.firstResponseAt() != null,
				request.firstResponseAt() == null ? null : request.sinceTeacherWrote(now), engineer, teacher,
				engineer ? request.status().next() : Set.of(),
				engineers.stream().filter(e -> e.person() != null).toList(),
				engineer ? templates.of(request.platformId()) : List.of(),
				HelpDesk.isRequester(launch, request) && request.status() == RequestStatus.NEW
						&& request.assigneeId() == null,
				HelpDesk.isRequester(launch, request) && request.status().rateable() && request.rating() == null,
				request.status() != RequestStatus.WITHDRAWN && request.status() != RequestStatus.CLOSED
						&& request.status() != RequestStatus.DECLINED,
				HelpDesk.mayReopen(launch, request), ProgressStep.of(request.status()), teacherSeesTime);
	}

	List<SummaryView> ofCourse(long courseId) {
		return summaries(requests.ofCourse(courseId), Set.of());
	}

	QueueView queue(LaunchSession launch, QueueFilter filter) {
		List<HelpRequest> page = requests.queue(launch.platformId(), filter, launch.personId(),
				filter.page() * PAGE_SIZE, PAGE_SIZE + 1);
		Map<RequestStatus, Long> counts = requests.countsByStatus(launch.platformId(), filter, launch.personId());
		List<CourseRef> courses = directory.courses(requests.coursesWithRequests(launch.platformId()))
			.values()
			.stream()
			.sorted(java.util.Comparator.comparing(CourseRef::display, String.CASE_INSENSITIVE_ORDER))
			.toList();
		List<HelpRequest> shown = page.stream().limit(PAGE_SIZE).toList();
		Set<Long> news = requests.withNews(launch.personId(), shown.stream().map(HelpRequest::id).toList());
		return new QueueView(summaries(shown, news), page.size() > PAGE_SIZE, counts, courses);
	}

	/**
	 * @param news the requests with news for the viewer
	 */
	private List<SummaryView> summaries(List<HelpRequest> list, Set<Long> news) {
		Set<Long> ids = new HashSet<>();
		list.forEach(r -> {
			ids.add(r.requesterId());
			if (r.assigneeId() != null) {
				ids.add(r.assigneeId());
			}
		});
		Map<Long, Person> people = directory.people(ids);
		Map<Long, CourseRef> courses = directory.courses(list.stream().map(HelpRequest::courseId).distinct().toList());
		Set<Long> awaitingFirstAnswer = new HashSet<>();
		list.stream()
			.filter(r -> r.firstResponseAt() == null && r.status().open())
			.forEach(r -> awaitingFirstAnswer.add(r.id()));
		Map<Long, List<RequestRepository.Event>> changes = requests.statusChanges(awaitingFirstAnswer);
		Instant now = clock.instant();
		// Wished dates are days as the people who wish them read the calendar.
		LocalDate today = LocalDate.ofInstant(now, zone);
		return list.stream()
			.map(r -> new SummaryView(r, courses.get(r.courseId()).display(), label(people, r.requesterId()),
					r.assigneeId() == null ? null : label(people, r.assigneeId()),
					awaitingFirstAnswer.contains(r.id())
							? r.firstAnswerWait(changes.getOrDefault(r.id(), List.of()), now) : null,
					r.sinceTeacherWrote(now), r.overdue(today), news.contains(r.id())))
			.toList();
	}

	private String describe(RequestRepository.Event event, Map<Long, Person> people) {
		String actor = label(people, event.actorId());
		java.util.Locale locale = LocaleContextHolder.getLocale();
		return switch (event.type()) {
			case CREATED -> messages.getMessage("event.created", new Object[] { actor }, locale);
			case RATED -> messages.getMessage("event.rated", new Object[] { actor, event.to() }, locale);
			case REWORK -> messages.getMessage("event.rework", new Object[] { actor, event.to() }, locale);
			// "Eric put Eric in charge" reads as a mistake: an engineer who takes it took
			// it.
			case ASSIGNEE -> event.to() != null && Long.parseLong(event.to()) == event.actorId()
					? messages.getMessage("event.assignee.self", new Object[] { actor }, locale)
					: messages.getMessage("event.assignee",
							new Object[] { actor, event.to() == null ? "" : label(people, Long.parseLong(event.to())) },
							locale);
			case STATUS -> reopening(event)
					? messages.getMessage("event.reopened", new Object[] { actor, status(event.to(), locale) }, locale)
					: messages.getMessage("event.status",
							new Object[] { actor, status(event.from(), locale), status(event.to(), locale) }, locale);
		};
	}

	/** A withdrawn or declined request taken up again. */
	private static boolean reopening(RequestRepository.Event event) {
		return event.from() != null && RequestStatus.valueOf(event.from()).reopenedTo(false) != null;
	}

	private String status(String name, java.util.Locale locale) {
		return name == null ? "" : messages.getMessage(RequestStatus.valueOf(name).key(), null, locale);
	}

	/** The files that came with a message, or with the request itself (null). */
	private static List<Attachment> filesOf(List<Attachment> files, Long messageId) {
		return files.stream().filter(a -> Objects.equals(a.messageId(), messageId)).toList();
	}

	private static String label(Map<Long, Person> people, long id) {
		Person person = people.get(id);
		return person == null ? "#" + id : person.label();
	}

	private static long minutes(Collection<TimeEntries.TimeEntry> entries, HelpKind kind) {
		return entries.stream().filter(t -> t.kind() == kind).mapToLong(TimeEntries.TimeEntry::minutes).sum();
	}

	record RequestView(HelpRequest request, CourseRef course, String courseUrl, String requester, String assignee,
			List<Attachment> attachments, List<MessageView> messages, List<EventView> events, List<TimeView> time,
			long minutesMediation, long minutesMediatisation, Duration firstAnswerWait, boolean firstAnswered,
			Duration sinceTeacherWrote, boolean engineer, boolean teacher, Set<RequestStatus> next,
			List<Directory.Engineer> engineers, List<AnswerTemplates.AnswerTemplate> templates, boolean canWithdraw,
			boolean canRate, boolean canReply, boolean canReopen, ProgressStep progress, boolean teacherSeesTime) {
	}

	record MessageView(String author, boolean fromEngineer, boolean internal, String body, Instant at,
			List<Attachment> attachments) {
	}

	record EventView(String description, String reason, Instant at) {
	}

	record TimeView(String engineer, LocalDate date, int minutes, TimeActivity activity, HelpKind kind, String note) {
	}

	/**
	 * @param overdue the wished date is past and the request still open
	 * @param news something happened the viewing engineer has not seen (see
	 * {@link RequestRepository#withNews})
	 */
	record SummaryView(HelpRequest request, String course, String requester, String assignee,
			Duration waitingFirstAnswer, Duration sinceTeacherWrote, boolean overdue, boolean news) {
	}

	record QueueView(List<SummaryView> requests, boolean hasNext, Map<RequestStatus, Long> counts,
			List<CourseRef> courses) {
	}

}
