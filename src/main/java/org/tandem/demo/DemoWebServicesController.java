package org.tandem.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moodle's REST web services ({@code /webservice/rest/server.php}) for the demo course,
 * answering as Moodle 4.5 does in the captures of
 * {@code src/test/resources/moodle/webservices/bio101/}: JSON and HTTP 200, errors
 * included. The demo's service offers the functions Tandem calls, and only those.
 */
@RestController
@Profile("demo")
class DemoWebServicesController {

	/** The Moodle version the captures came from, which each function reports. */
	private static final String MOODLE_VERSION = "2024100706";

	/** The service account the token belongs to, as in the captures. */
	private static final long SERVICE_USER_ID = 9;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final DemoPlatform platform;

	private final DemoCourseContents course;

	private final DemoMessages messages;

	private final Clock clock;

	private final Map<String, Function<Map<String, String>, Object>> functions = new LinkedHashMap<>();

	private final ObjectNode siteInfo;

	DemoWebServicesController(DemoPlatform platform, DemoProperties properties, DemoCourseContents course,
			DemoMessages messages, Clock clock) {
		this.platform = platform;
		this.course = course;
		this.messages = messages;
		this.clock = clock;
		functions.put("core_webservice_get_site_info", params -> siteInfo());
		functions.put("core_course_get_contents", this::contents);
		functions.put("core_course_get_updates_since", this::updatesSince);
		functions.put("core_message_send_instant_messages", this::sendInstantMessages);
		functions.put("core_user_get_users_by_field", this::usersById);
		this.siteInfo = siteInfo(properties.url("/demo"));
	}

	@PostMapping(path = "/demo/webservice/rest/server.php", produces = MediaType.APPLICATION_JSON_VALUE)
	Object answer(@RequestParam Map<String, String> params) {
		if (!platform.isWebServiceToken(params.get("wstoken"))) {
			return MoodleError.INVALID_TOKEN;
		}
		String function = params.get("wsfunction");
		if (function == null || function.isEmpty()) {
			return MoodleError.INVALID_PARAMETER; // Moodle: "Missing function name"
		}
		return functions.getOrDefault(function, unknown -> MoodleError.FUNCTION_NOT_IN_SERVICE).apply(params);
	}

	private ObjectNode siteInfo() {
		return siteInfo;
	}

	private Object contents(Map<String, String> params) {
		Long courseId = integer(params.get("courseid"));
		if (courseId == null) {
			return MoodleError.INVALID_PARAMETER;
		}
		return isDemoCourse(courseId) ? course.contents() : MoodleError.COURSE_NOT_FOUND;
	}

	private Object updatesSince(Map<String, String> params) {
		Long courseId = integer(params.get("courseid"));
		Long since = integer(params.get("since"));
		if (courseId == null || since == null) {
			return MoodleError.INVALID_PARAMETER;
		}
		if (!isDemoCourse(courseId)) {
			return MoodleError.COURSE_NOT_FOUND;
		}
		List<Instance> instances = course.changedSince(since)
			.stream()
			.map(change -> new Instance("module", change.cmid(), List.of(new Update("configuration", change.time()))))
			.toList();
		return new Updates(instances, List.of());
	}

	/**
	 * Moodle reports a message it cannot deliver inside the answer ({@code msgid} -1 and
	 * a reason), not as an exception.
	 */
	private Object sendInstantMessages(Map<String, String> params) {
		List<Outgoing> sent = new ArrayList<>();
		for (int i = 0; params.containsKey("messages[" + i + "][touserid]"); i++) {
			String prefix = "messages[" + i + "]";
			Long toUserId = integer(params.get(prefix + "[touserid]"));
			String text = params.get(prefix + "[text]");
			if (toUserId == null || text == null) {
				return MoodleError.INVALID_PARAMETER;
			}
			sent.add(new Outgoing(toUserId, text, params.get(prefix + "[clientmsgid]")));
		}
		if (sent.isEmpty()) {
			return MoodleError.INVALID_PARAMETER;
		}
		ArrayNode results = NODES.arrayNode();
		for (Outgoing message : sent) {
			DemoUser to = DemoUser.byId(Long.toString(message.toUserId()));
			ObjectNode result = results.addObject();
			if (to == null) {
				result.put("msgid", -1);
				message.echoClientMessageId(result);
				result.put("errormessage",
						"You cannot send a message to a user ID (" + message.toUserId() + ") that doesn't exist.");
			}
			else {
				Instant now = clock.instant();
				DemoMessages.Message received = messages.receive(to, message.text(), now);
				result.put("msgid", received.id());
				message.echoClientMessageId(result);
				result.put("text", received.text());
				result.put("timecreated", now.getEpochSecond());
				result.put("conversationid", received.conversationId());
				result.put("useridfrom", SERVICE_USER_ID);
			}
			result.put("candeletemessagesforallusers", false);
		}
		return results;
	}

	/**
	 * The demo's users by id, as Moodle describes them to a service account that may see
	 * their e-mail address; an id nobody has is left out, as Moodle does.
	 */
	private Object usersById(Map<String, String> params) {
		if (!"id".equals(params.get("field"))) {
			return MoodleError.INVALID_PARAMETER;
		}
		ArrayNode users = NODES.arrayNode();
		for (int i = 0; params.containsKey("values[" + i + "]"); i++) {
			DemoUser user = DemoUser.byId(params.get("values[" + i + "]"));
			if (user != null) {
				users.addObject()
					.put("id", Long.parseLong(user.id))
					.put("username", user.username)
					.put("firstname", user.givenName)
					.put("lastname", user.familyName)
					.put("fullname", user.givenName + " " + user.familyName)
					.put("email", user.email())
					.put("lang", "fr");
			}
		}
		return users;
	}

	/** The captured site info, for the demo site and the demo's service. */
	private ObjectNode siteInfo(String siteUrl) {
		ObjectNode info = (ObjectNode) CapturedJson.read("demo/site-info.json", siteUrl);
		info.put("sitename", "Tandem demo");
		// A per-user key for Moodle's apps; optional in Moodle's answer and of no use
		// here.
		info.remove("userprivateaccesskey");
		ArrayNode offered = info.putArray("functions");
		functions.keySet().forEach(name -> offered.addObject().put("name", name).put("version", MOODLE_VERSION));
		return info;
	}

	private static boolean isDemoCourse(long courseId) {
		return Long.toString(courseId).equals(DemoPlatform.COURSE.id());
	}

	/** A parameter Moodle validates as PARAM_INT; null when missing or not an integer. */
	private static Long integer(String value) {
		return value != null && value.matches("-?\\d{1,18}") ? Long.valueOf(value) : null;
	}

	/** Moodle's answer to a refused call, as captured in {@code errors/}. */
	record MoodleError(String exception, String errorcode, String message) {

		static final MoodleError INVALID_TOKEN = new MoodleError("core\\exception\\moodle_exception", "invalidtoken",
				"Invalid token - token not found");

		static final MoodleError FUNCTION_NOT_IN_SERVICE = new MoodleError("webservice_access_exception",
				"accessexception", "Access control exception");

		static final MoodleError INVALID_PARAMETER = new MoodleError("core\\exception\\invalid_parameter_exception",
				"invalidparameter", "Invalid parameter value detected");

		static final MoodleError COURSE_NOT_FOUND = new MoodleError("dml_missing_record_exception", "invalidrecord",
				"Can't find data record in database table course.");

	}

	/** A message of a send_instant_messages call. */
	record Outgoing(long toUserId, String text, String clientMessageId) {

		/** Moodle echoes the caller's id of a message when it was given. */
		void echoClientMessageId(ObjectNode result) {
			if (clientMessageId != null) {
				result.put("clientmsgid", clientMessageId);
			}
		}

	}

	record Updates(List<Instance> instances, List<Object> warnings) {
	}

	record Instance(String contextlevel, long id, List<Update> updates) {
	}

	record Update(String name, long timeupdated) {
	}

}
