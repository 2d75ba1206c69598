package org.tandem.requests;

/**
 * The queue's sortable columns, each first sorted the way people look at it: the latest
 * activity, the newest number, the longest wait first; names and the soonest wished date
 * from the top of the alphabet and the calendar.
 */
enum QueueSort {

	ACTIVITY(Order.DESC), NUMBER(Order.DESC), TITLE(Order.ASC), COURSE(Order.ASC), STATUS(Order.ASC),
	WAITING(Order.DESC), WISHED(Order.ASC), ENGINEER(Order.ASC);

	private final Order first;

	QueueSort(Order first) {
		this.first = first;
	}

	Order first() {
		return first;
	}

	/**
	 * Up or down the column, as its values read (a wait ascending: the shortest first).
	 */
	enum Order {

		ASC("ascending"), DESC("descending");

		private final String aria;

		Order(String aria) {
			this.aria = aria;
		}

		Order reversed() {
			return this == ASC ? DESC : ASC;
		}

		/** The value of {@code aria-sort} on the sorted column's header. */
		String aria() {
			return aria;
		}

	}

}
