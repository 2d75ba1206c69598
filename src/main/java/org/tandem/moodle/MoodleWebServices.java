package org.tandem.moodle;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Moodle's REST web services ({@code /webservice/rest/server.php}), as Tandem uses them.
 * Moodle answers errors with HTTP 200 and an {@code exception} object: each becomes a
 * {@link MoodleException} that says what to fix. A Moodle that is down or slow becomes
 * {@link MoodleException.Problem#UNAVAILABLE} within the configured time-outs. The token
 * travels in the request body, never in a URL, and is never logged.
 */
@Service
public class MoodleWebServices {

	private static final Logger log = LoggerFactory.getLogger(MoodleWebServices.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SITE_INFO = "core_webservice_get_site_info";

	private final HttpClient http;

	private final MoodleProperties properties;

	MoodleWebServices(MoodleProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
	}

	public SiteInfo siteInfo(MoodleSite site) {
		return read(site, SITE_INFO, call(site, SITE_INFO, Map.of()), JSON.constructType(SiteInfo.class));
	}

	public List<CourseContents.Section> courseContents(MoodleSite site, String courseId) {
		String function = "core_course_get_contents";
		return read(site, function, call(site, function, Map.of("courseid", courseId)),
				JSON.getTypeFactory().constructCollectionType(List.class, CourseContents.Section.class));
	}

	/** What changed in the course's modules since this time (Unix seconds). */
	public CourseUpdates updatesSince(MoodleSite site, String courseId, long since) {
		String function = "core_course_get_updates_since";
		Map<String, String> params = new LinkedHashMap<>();
		params.put("courseid", courseId);
		params.put("since", Long.toString(since));
		return read(site, function, call(site, function, params), JSON.constructType(CourseUpdates.class));
	}

	/**
	 * The Moodle user with this id; empty when Moodle has none (it answers an empty list,
	 * not an error).
	 */
	public Optional<MoodleUser> user(MoodleSite site, long userId) {
		String function = "core_user_get_users_by_field";
		Map<String, String> params = new LinkedHashMap<>();
		params.put("field", "id");
		params.put("values[0]", Long.toString(userId));
		List<MoodleUser> users = read(site, function, call(site, function, params),
				JSON.getTypeFactory().constructCollectionType(List.class, MoodleUser.class));
		return users.stream().filter(user -> user.id() == userId).findFirst();
	}

	/**
	 * Moodle's JSON as Tandem reads it. Another shape (a proxy's answer, a plugin that
	 * changed a function) is not Moodle as Tandem knows it: unavailable, not a failure of
	 * the page.
	 */
	private static <T> T read(MoodleSite site, String function, JsonNode answer, JavaType type) {
		try {
			T value = JSON.convertValue(answer, type);
			if (value == null) {
				throw new IllegalArgumentException("empty answer");
			}
			return value;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			log.warn("Moodle {} answered {} with JSON of another shape: {}", site.siteUrl(), function, ex.getMessage());
			throw new MoodleException(MoodleException.Problem.UNAVAILABLE, function, "unexpected answer", ex);
		}
	}

	/**
	 * Sends a Moodle message to a user. Moodle reports a refused message (the recipient
	 * blocks messages, does not exist...) inside a normal answer: it is returned, not
	 * thrown.
	 * @param clientMessageId ties Moodle's answer to Tandem's message; Moodle only echoes
	 * it and does not drop a repeat
	 */
	public MessageResult sendInstantMessage(MoodleSite site, long toUserId, String html, String clientMessageId) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("messages[0][touserid]", Long.toString(toUserId));
		params.put("messages[0][text]", html);
		params.put("messages[0][textformat]", "1");
		params.put("messages[0][clientmsgid]", clientMessageId);
		JsonNode first = call(site, "core_message_send_instant_messages", params).path(0);
		long id = first.path("msgid").asLong(-1);
		return new MessageResult(id, id > 0 ? null : first.path("errormessage").asString(null));
	}

	/** A message Moodle took ({@code id > 0}) or refused, with Moodle's reason. */
	public record MessageResult(long id, String error) {

		public boolean sent() {
			return id > 0;
		}

	}

	private JsonNode call(MoodleSite site, String function, Map<String, String> params) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("wstoken", site.token());
		form.put("wsfunction", function);
		form.put("moodlewsrestformat", "json");
		form.putAll(params);
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(endpoint(site))
			.timeout(properties.readTimeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			log.warn("Moodle {} unreachable for {}: {}", site.siteUrl(), function, ex.toString());
			throw new MoodleException(MoodleException.Problem.UNAVAILABLE, function, ex.toString(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MoodleException(MoodleException.Problem.UNAVAILABLE, function, "interrupted", ex);
		}
		if (response.statusCode() != 200) {
			log.warn("Moodle {} answered HTTP {} to {}", site.siteUrl(), response.statusCode(), function);
			// Moodle's REST server answers 403 with an empty body when web services or
			// REST are off.
			throw new MoodleException(response.statusCode() == 403 ? MoodleException.Problem.WEB_SERVICES_OFF
					: MoodleException.Problem.UNAVAILABLE, function, "HTTP " + response.statusCode(), null);
		}
		JsonNode answer;
		try {
			answer = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			log.warn("Moodle {} answered {} with something that is not JSON", site.siteUrl(), function);
			throw new MoodleException(MoodleException.Problem.UNAVAILABLE, function, "not JSON", ex);
		}
		if (answer.isObject() && answer.has("exception")) {
			String errorCode = answer.path("errorcode").asString("");
			log.warn("Moodle {} refused {}: {} ({})", site.siteUrl(), function, errorCode,
					answer.path("message").asString(""));
			MoodleException.Problem problem = problem(errorCode);
			if (problem == MoodleException.Problem.FUNCTION_NOT_IN_SERVICE && serviceRefused(site, function)) {
				problem = MoodleException.Problem.SERVICE_DISABLED;
			}
			throw new MoodleException(problem, function, answer.path("message").asString(null), null);
		}
		return answer;
	}

	/**
	 * Moodle answers {@code accessexception} ("Access control exception", without
	 * debugging) both for a function outside the service and for a service switched off.
	 * The site info, which every Tandem service offers, tells them apart: refused too, it
	 * is the service; answered, it is the function.
	 */
	private boolean serviceRefused(MoodleSite site, String function) {
		if (function.equals(SITE_INFO)) {
			return true;
		}
		try {
			call(site, SITE_INFO, Map.of());
			return false;
		}
		catch (MoodleException ex) {
			return ex.problem() == MoodleException.Problem.SERVICE_DISABLED;
		}
	}

	/** Moodle's error codes, as captured from Moodle 4.5. */
	static MoodleException.Problem problem(String errorCode) {
		return switch (errorCode) {
			case "invalidtoken" -> MoodleException.Problem.INVALID_TOKEN;
			case "accessexception" -> MoodleException.Problem.FUNCTION_NOT_IN_SERVICE;
			case "invalidrecord" -> MoodleException.Problem.COURSE_NOT_FOUND;
			case "requireloginerror", "errorcoursecontextnotvalid" -> MoodleException.Problem.COURSE_NOT_ACCESSIBLE;
			case "disabled" -> MoodleException.Problem.MESSAGING_DISABLED;
			case "invalidparameter" -> MoodleException.Problem.INVALID_PARAMETER;
			// required_capability_exception: Moodle's message names the capability.
			case "nopermissions" -> MoodleException.Problem.MISSING_CAPABILITY;
			// The site is in maintenance mode: it comes back.
			case "sitemaintenance" -> MoodleException.Problem.UNAVAILABLE;
			default -> MoodleException.Problem.OTHER;
		};
	}

	private static URI endpoint(MoodleSite site) {
		String base = site.siteUrl().toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "webservice/rest/server.php");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
