package org.tandem.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and durations as a person reads them in their language; templates call it
 * as {@code @timeFormats}.
 */
@Component("timeFormats")
public class TimeFormats {

	private final TandemProperties properties;

	private final MessageSource messages;

	TimeFormats(TandemProperties properties, MessageSource messages) {
		this.properties = properties;
		this.messages = messages;
	}

	public String dateTime(Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale())
					.withZone(properties.timeZone())
					.format(instant);
	}

	public String date(LocalDate date) {
		return date == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	/**
	 * "3 d 4 h", "2 h 5 min", "12 min": the two largest units are enough to read a wait.
	 */
	public String duration(Duration duration) {
		if (duration == null) {
			return "";
		}
		long days = duration.toDays();
		long hours = duration.toHoursPart();
		long minutes = duration.toMinutesPart();
		if (days > 0) {
			return message("duration.days-hours", days, hours);
		}
		if (hours > 0) {
			return message("duration.hours-minutes", hours, minutes);
		}
		return message("duration.minutes", minutes);
	}

	/** Minutes of work as hours and minutes: "1 h 30 min", or "45 min". */
	public String minutes(long minutes) {
		return minutes < 60 ? message("duration.minutes", minutes)
				: message("duration.work", minutes / 60, minutes % 60);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
