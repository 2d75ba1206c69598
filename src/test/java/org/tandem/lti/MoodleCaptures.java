package org.tandem.lti;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a real Moodle 4.5 sent, captured under {@code src/test/resources/moodle/launch/}:
 * login requests, id_token claims and signed tokens. Fixtures are built from these so
 * that Tandem is tested against Moodle as it is.
 */
public final class MoodleCaptures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MoodleCaptures() {
	}

	/**
	 * The claims Moodle signed for this person ({@code teacher}, {@code student}, ...),
	 * as a mutable copy.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> claims(String who) {
		Map<String, Object> capture = JSON.readValue(text("moodle/launch/" + who + ".id_token.json"), Map.class);
		return deepCopy((Map<String, Object>) capture.get("claims"));
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> header(String who) {
		Map<String, Object> capture = JSON.readValue(text("moodle/launch/" + who + ".id_token.json"), Map.class);
		return (Map<String, Object>) capture.get("header");
	}

	/** The login form Moodle posted for this person. */
	@SuppressWarnings("unchecked")
	public static Map<String, String> loginForm(String who) {
		Map<String, Object> capture = JSON.readValue(text("moodle/launch/" + who + ".login.json"), Map.class);
		return new LinkedHashMap<>((Map<String, String>) capture.get("form"));
	}

	public static String signedToken(String who) {
		return text("moodle/launch/" + who + ".id_token.jwt").trim();
	}

	public static String moodleKeySet() {
		return text("moodle/launch/moodle-jwks.json");
	}

	static String text(String resource) {
		try (InputStream in = MoodleCaptures.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> deepCopy(Map<String, Object> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach(
				(key, value) -> copy.put(key, value instanceof Map<?, ?> inner ? deepCopy((Map<String, Object>) inner)
						: value instanceof java.util.List<?> list ? new java.util.ArrayList<>(list) : value));
		return copy;
	}

}
