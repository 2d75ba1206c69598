package org.tandem.lti;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The message bundles as a person reads them, to assert what a page says. */
public final class Messages {

	private Messages() {
	}

	public static Properties bundle(String name) {
		Properties properties = new Properties();
		try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	public static String french(String key, Object... arguments) {
		return format(bundle("messages_fr.properties").getProperty(key), Locale.FRENCH, arguments);
	}

	public static String english(String key, Object... arguments) {
		return format(bundle("messages.properties").getProperty(key), Locale.ENGLISH, arguments);
	}

	/** As it appears in HTML: Thymeleaf escapes quotes and ampersands. */
	public static String html(String text) {
		return text.replace("&", "&amp;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;")
			.replace("<", "&lt;")
			.replace(">", "&gt;");
	}

	private static String format(String pattern, Locale locale, Object... arguments) {
		if (pattern == null) {
			throw new IllegalArgumentException("No such message");
		}
		return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
	}

}
