package org.tandem.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The demo's mail server: Tandem sends its e-mails here as it would to an SMTP server
 * ({@code spring.mail.*}, which the demo does not need), and the demo mailbox page shows
 * them. Only the last ones are kept, in memory.
 */
@Component
@Profile("demo")
class DemoMailbox implements JavaMailSender {

	private static final int KEPT = 30;

	private final Session session = Session.getInstance(new Properties());

	private final Deque<Mail> received = new ArrayDeque<>();

	private final Clock clock;

	private long lastId;

	DemoMailbox(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void send(SimpleMailMessage... messages) {
		for (SimpleMailMessage message : messages) {
			receive(String.join(", ", message.getTo()), message.getSubject(), message.getText());
		}
	}

	@Override
	public void send(MimeMessage... messages) {
		for (MimeMessage message : messages) {
			try {
				receive(Arrays.stream(message.getAllRecipients())
					.map(Address::toString)
					.collect(Collectors.joining(", ")), message.getSubject(), String.valueOf(message.getContent()));
			}
			catch (MessagingException | IOException ex) {
				throw new MailParseException("The demo mailbox could not read a mail", ex);
			}
		}
	}

	@Override
	public MimeMessage createMimeMessage() {
		return new MimeMessage(session);
	}

	@Override
	public MimeMessage createMimeMessage(InputStream content) {
		try {
			return new MimeMessage(session, content);
		}
		catch (MessagingException ex) {
			throw new MailParseException("The demo mailbox could not read a mail", ex);
		}
	}

	private synchronized void receive(String to, String subject, String body) {
		received.addFirst(new Mail(++lastId, to, subject, body, clock.instant()));
		if (received.size() > KEPT) {
			received.removeLast();
		}
	}

	/** Newest first. */
	synchronized List<Mail> recent() {
		return List.copyOf(received);
	}

	/** A mail as Tandem sent it: plain text. */
	record Mail(long id, String to, String subject, String body, Instant at) {
	}

}
