package org.tandem.requests;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tandem.artifacts.HelpKind;
import org.tandem.system.MessageKey;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The engineer's filters on the platform's queue; null means any. The queue's links
 * (status counts, pages) are this filter with one thing changed, so that none forgets
 * another.
 *
 * @param course Tandem's course id
 * @param q words to search in the title, the need and the conversation (see
 * {@link SearchText})
 * @param sort the column sorted, the latest activity by default
 * @param order up or down that column, the way it is first sorted by default
 */
record QueueFilter(RequestStatus status, HelpKind kind, Topic topic, Long course, Assignee assignee, String q,
		QueueSort sort, QueueSort.Order order, Integer page) {

	QueueFilter {
		assignee = assignee == null ? Assignee.ANYONE : assignee;
		q = q == null || q.isBlank() ? null : q.strip();
		sort = sort == null ? QueueSort.ACTIVITY : sort;
		order = order == null ? sort.first() : order;
		page = page == null || page < 0 ? 0 : page;
	}

	/** More than a search of a few words: the page says so and searches nothing. */
	boolean searchTooLong() {
		return q != null && q.length() > SearchText.MAX_QUERY;
	}

	QueueFilter withoutSearch() {
		return new QueueFilter(status, kind, topic, course, assignee, null, sort, order, page);
	}

	public QueueFilter withStatus(RequestStatus status) {
		return new QueueFilter(status, kind, topic, course, assignee, q, sort, order, 0);
	}

	public QueueFilter withCourse(Long course) {
		return new QueueFilter(status, kind, topic, course, assignee, q, sort, order, 0);
	}

	public QueueFilter withPage(int page) {
		return new QueueFilter(status, kind, topic, course, assignee, q, sort, order, page);
	}

	/**
	 * Sorted by this column: the other way if it is the column sorted already, else the
	 * way the column is first sorted; from the first page.
	 */
	public QueueFilter sortedBy(QueueSort column) {
		QueueSort.Order next = column == sort ? order.reversed() : column.first();
		return new QueueFilter(status, kind, topic, course, assignee, q, column, next, 0);
	}

	/** {@code aria-sort} for this column's header: none unless it is the one sorted. */
	public String ariaSort(QueueSort column) {
		return column == sort ? order.aria() : null;
	}

	/**
	 * The queue with this filter, its values encoded whatever they hold (a {@code +} or
	 * an {@code &} typed in a search stays itself).
	 */
	public String link() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("status", status);
		values.put("kind", kind);
		values.put("topic", topic);
		values.put("course", course);
		values.put("assignee", assignee == Assignee.ANYONE ? null : assignee);
		values.put("q", q);
		values.put("sort", sort == QueueSort.ACTIVITY && order == sort.first() ? null : sort);
		values.put("order", order == sort.first() ? null : order);
		values.put("page", page == 0 ? null : page);
		values.values().removeIf(value -> value == null);
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/engineer");
		values.keySet().forEach(name -> link.queryParam(name, "{" + name + "}"));
		return link.encode().buildAndExpand(values).toUriString();
	}

	enum Assignee implements MessageKey {

		ANYONE, ME, NOBODY;

		@Override
		public String keyPrefix() {
			return "queue.assignee";
		}

	}

}
