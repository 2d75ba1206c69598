package org.tandem.notifications;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mails Tandem sends. The SMTP server itself is Spring's {@code spring.mail.*}
 * (SPRING_MAIL_HOST, SPRING_MAIL_PORT, ...); without one, mails wait in the database. The
 * same waits and attempts apply to Moodle messages.
 *
 * @param from the sender people see
 * @param pollInterval how often waiting mails and Moodle messages are sent
 * @param maxAttempts a mail or Moodle message that failed this often is given up, and
 * logged as such
 * @param firstRetry the wait after a first failure; it doubles at each failure, up to an
 * hour
 * @param batchWindow how long Tandem gathers news for one person before telling them: the
 * first change waits this long, and the changes that come meanwhile join its message;
 * zero sends each change alone
 */
@Validated
@ConfigurationProperties("tandem.mail")
record MailProperties(@DefaultValue("Tandem <tandem@localhost>") @NotBlank String from,
		@DefaultValue("10s") Duration pollInterval, @DefaultValue("8") @Min(1) int maxAttempts,
		@DefaultValue("1m") Duration firstRetry,
		@DefaultValue("3m") @DurationMin(seconds = 0) @DurationMax(hours = 1) Duration batchWindow) {
}
