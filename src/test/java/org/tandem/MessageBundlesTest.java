package org.tandem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.tandem.artifacts.Change;
import org.tandem.artifacts.HelpKind;
import org.tandem.lti.Messages;
import org.tandem.lti.Role;
import org.tandem.lti.launch.LaunchProblem;
import org.tandem.moodle.MoodleException;
import org.tandem.requests.RequestStatus;
import org.tandem.requests.Topic;
import org.tandem.requests.WorkMode;
import org.tandem.requests.time.TimeActivity;
import org.tandem.system.MessageKey;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

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

	/**
	 * Keys built from an enum ({@code #{${status.key()}}}, {@code #{'request.move.' +
	 * ...}}) escape {@link #everyKeyTheTemplatesNameExists}: each constant's must be in
	 * both languages.
	 */
	@Test
	void everyKeyBuiltFromAnEnumExistsInBothLanguages() {
		List<String> keys = enumKeys();
		SoftAssertions.assertSoftly(softly -> {
			for (String bundle : List.of("messages.properties", "messages_fr.properties")) {
				Properties messages = Messages.bundle(bundle);
				softly.assertThat(keys)
					.as("keys built from enums that %s lacks", bundle)
					.filteredOn(key -> !messages.containsKey(key))
					.isEmpty();
			}
		});
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

	private static List<String> enumKeys() {
		List<String> keys = new ArrayList<>();
		for (Class<?> type : messageKeyEnums()) {
			for (Object constant : type.getEnumConstants()) {
				String key = ((MessageKey) constant).key();
				if (constant instanceof LaunchProblem) {
					// The refusal page reads the key's title and detail (the admin hint
					// is
					// optional).
					keys.addAll(List.of(key + ".title", key + ".detail"));
				}
				else {
					keys.add(key);
				}
			}
		}
		// requests/form.html heads each kind's topics.
		Arrays.stream(HelpKind.values()).map(kind -> kind.key() + ".topics").forEach(keys::add);
		// requests/request.html: a button for each status a request can move to.
		Arrays.stream(RequestStatus.values())
			.flatMap(status -> status.next().stream())
			.distinct()
			.map(to -> "request.move." + to.name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.forEach(keys::add);
		// demo/course.html: a button for each demo user (DemoUser is package-private).
		for (Object user : load("org.tandem.demo.DemoUser").getEnumConstants()) {
			keys.add("demo.launch." + ((Enum<?>) user).name().toLowerCase(Locale.ROOT));
		}
		return keys;
	}

	/** Every enum with message keys, so that a new one is checked too. */
	private static List<Class<?>> messageKeyEnums() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(MessageKey.class));
		List<Class<?>> enums = scanner.findCandidateComponents("org.tandem")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.map(MessageBundlesTest::load)
			.filter(Class::isEnum)
			.toList();
		// The scan found them all, or this test would pass on nothing.
		assertThat(enums).contains(RequestStatus.class, Topic.class, HelpKind.class, WorkMode.class, TimeActivity.class,
				MoodleException.Problem.class, LaunchProblem.class, Role.class, Change.Type.class,
				load("org.tandem.requests.QueueFilter$Assignee"));
		return enums;
	}

	private static Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, MessageBundlesTest.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
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
