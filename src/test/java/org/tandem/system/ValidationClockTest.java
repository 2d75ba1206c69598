package org.tandem.system;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date a form says is past or present is judged in Tandem's zone, as the form's default
 * date is: not in the server's.
 */
class ValidationClockTest {

	record Entry(@PastOrPresent LocalDate day) {
	}

	@Test
	void todayIsTodayInTandemsZone() {
		// 23:30 in London, 00:30 the next day in Paris.
		Clock clock = Clock.fixed(Instant.parse("2025-03-01T23:30:00Z"), ZoneOffset.UTC);
		Configuration<?> configuration = Validation.byDefaultProvider().configure();
		new ClockConfiguration()
			.validationClock(clock, new TandemProperties(URI.create("http://localhost"), ZoneId.of("Europe/Paris")))
			.customize(configuration);

		try (ValidatorFactory factory = configuration.buildValidatorFactory()) {
			Validator validator = factory.getValidator();
			assertThat(validator.validate(new Entry(LocalDate.parse("2025-03-02")))).as("today in Paris").isEmpty();
			assertThat(validator.validate(new Entry(LocalDate.parse("2025-03-03")))).as("tomorrow in Paris").hasSize(1);
		}
	}

}
