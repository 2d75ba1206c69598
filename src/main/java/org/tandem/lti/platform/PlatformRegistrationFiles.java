package org.tandem.lti.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import org.tandem.lti.LtiProperties;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistration;
import org.tandem.lti.PlatformRegistry;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads {@code lti-config/platforms/*.yml} (and the files
 * {@code tandem.lti.platform-files} names) at start and registers each platform. A file
 * that cannot be read stops the start with a message naming the file and the field, so
 * that a typo never leaves a platform silently unregistered. Files named
 * {@code *.example.yml} are examples and are skipped. {@code ${NAME}} in a file is taken
 * from Tandem's configuration or the environment, so that a secret such as a web-service
 * token need not be written in the file.
 */
@Component
@Order(0)
class PlatformRegistrationFiles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlatformRegistrationFiles.class);

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final LtiProperties properties;

	private final PlatformRegistry registry;

	private final Validator validator;

	private final PropertyResolver placeholders;

	PlatformRegistrationFiles(LtiProperties properties, PlatformRegistry registry, Validator validator,
			PropertyResolver placeholders) {
		this.properties = properties;
		this.registry = registry;
		this.validator = validator;
		this.placeholders = placeholders;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Path dir = properties.platformsDir();
		if (Files.isDirectory(dir)) {
			for (Path file : files(dir)) {
				register(file.toString(), Files.readString(file));
			}
		}
		else {
			log.info("No platform registration folder at {}: add one file per platform there (see lti-config/).",
					dir.toAbsolutePath());
		}
		for (Resource file : properties.platformFiles()) {
			register(file.getDescription(), file.getContentAsString(StandardCharsets.UTF_8));
		}
	}

	private void register(String file, String yaml) {
		PlatformRegistration registration = validated(file, read(file, yaml, placeholders));
		if (registration.issuer().endsWith("/")) {
			log.warn("The issuer of {} ends with '/': Moodle sends its site address without one, so launches "
					+ "would be refused as coming from an unknown site", file);
		}
		Platform platform = registry.register(registration, file);
		log.info("Registered platform '{}' (issuer {}, client id {}, deployments {}) from {}", platform.name(),
				platform.issuer(), platform.clientId(), platform.deploymentIds(), file);
	}

	static PlatformRegistration read(Path file, PropertyResolver placeholders) throws IOException {
		return read(file.toString(), Files.readString(file), placeholders);
	}

	/**
	 * The file's values, each with its {@code ${NAME}} resolved; comments are left alone.
	 */
	private static PlatformRegistration read(String file, String yaml, PropertyResolver placeholders) {
		try {
			JsonNode tree = YAML.readTree(yaml);
			return YAML.treeToValue(resolved(tree, placeholders), PlatformRegistration.class);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Platform registration " + file + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot read platform registration " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static JsonNode resolved(JsonNode node, PropertyResolver placeholders) {
		if (node.isString()) {
			return StringNode.valueOf(placeholders.resolveRequiredPlaceholders(node.asString()));
		}
		if (node instanceof ObjectNode object) {
			object.propertyNames().forEach(name -> object.set(name, resolved(object.get(name), placeholders)));
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, resolved(array.get(i), placeholders));
			}
		}
		return node;
	}

	private PlatformRegistration validated(String file, PlatformRegistration registration) {
		Set<ConstraintViolation<PlatformRegistration>> violations = validator.validate(registration);
		if (!violations.isEmpty()) {
			String problems = violations.stream()
				.map(v -> "'" + kebab(v.getPropertyPath().toString()) + "' " + v.getMessage())
				.sorted()
				.collect(Collectors.joining("; "));
			throw new IllegalStateException("Platform registration " + file + ": " + problems);
		}
		return registration;
	}

	/** The file's own names: {@code clientId} is written {@code client-id}. */
	private static String kebab(String propertyPath) {
		return propertyPath.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	private List<Path> files(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.filter(p -> {
				String name = p.getFileName().toString();
				return (name.endsWith(".yml") || name.endsWith(".yaml")) && !name.contains(".example.");
			}).sorted().toList();
		}
	}

}
