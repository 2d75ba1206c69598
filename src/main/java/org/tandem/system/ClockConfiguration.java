package org.tandem.system;

import java.time.Clock;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, so that tests can move time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Forms' past and future dates ({@code @PastOrPresent}...) are judged by this clock
	 * in Tandem's zone, as pages date things: at 00:30 in Paris, today is already the
	 * next day there, whatever the server's zone.
	 */
	@Bean
	ValidationConfigurationCustomizer validationClock(Clock clock, TandemProperties properties) {
		return configuration -> configuration.clockProvider(() -> clock.withZone(properties.timeZone()));
	}

}
