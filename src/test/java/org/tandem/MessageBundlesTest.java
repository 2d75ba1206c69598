package org.tandem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tandem.lti.Messages;
import org.tandem.lti.launch.LaunchProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page exists in French and English: both bundles hold the same keys, every key a
 * template or the code names exists, and templates hold no text of their own.
 */
class MessageBundlesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void frenchAndEnglishHoldTheSameKeys() {
		assertThat(keys(Messages.bundle("messages_fr.properties")))
			.isEqualTo(keys(Messages.bundle("messages.properties")));
	}

	@Test
	void everyLaunchProblemHasATitleAndADetail() {
		Properties english = Messages.bundle("messages.properties");
		for (LaunchProblem problem : LaunchProblem.values()) {
			assertThat(english).containsKeys(problem.key() + ".title", problem.key() + ".detail");
		}
	}

	@Test
	void everyKeyTheTemplatesNameExists() throws IOException {
		Properties english = Messages.bundle("messages.properties");
		Pattern literalKey = Pattern.compile("#\\{([a-z0-9.-]+)\\}");
		for (Path template : templates()) {
			Matcher matcher = literalKey.matcher(Files.readString(template));
			while (matcher.find()) {
				assertThat(english).as(template + " names " + matcher.group(1)).containsKey(matcher.group(1));
			}
		}
	}

	/**
	 * Text between tags must come from a bundle: an element's own text is a placeholder
	 * that {@code th:text} replaces. Allowed: brand names and punctuation.
	 */
	@Test
	void templatesHoldNoTextOfTheirOwn() throws IOException {
		Pattern element = Pattern.compile("<([a-z0-9]+)(\\s[^>]*)?>([^<]*)<");
		Set<String> allowed = Set.of("Tandem", "français", "English", "|", "·", ":");
		for (Path template : templates()) {
			Matcher matcher = element.matcher(Files.readString(template));
			while (matcher.find()) {
				String attributes = matcher.group(2) == null ? "" : matcher.group(2);
				String text = matcher.group(3).trim();
				boolean replaced = attributes.contains("th:text") || attributes.contains("th:errors")
						|| attributes.contains("th:replace") || attributes.contains("th:insert");
				if (!text.isEmpty() && !replaced && !matcher.group(1).equals("script")
						&& !matcher.group(1).equals("style")) {
					assertThat(allowed).as("%s: <%s> holds \"%s\"", template, matcher.group(1), text).contains(text);
				}
			}
		}
	}

	private static Set<String> keys(Properties properties) {
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}

}
