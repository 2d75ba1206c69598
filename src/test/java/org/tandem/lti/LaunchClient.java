package org.tandem.lti;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays the browser between a platform and Tandem over real HTTP: posts Moodle's login
 * form, reads state and nonce from Tandem's redirect to the platform, posts the signed
 * id_token back from the platform's origin, and follows Tandem's pages as a browser in
 * the iframe would (same-origin navigations).
 */
public final class LaunchClient {

	private static final Pattern CONTINUE = Pattern.compile("id=\"continue\"[^>]*href=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String tandem;

	private final TestPlatform platform;

	/** The browser's {@code User-Agent}, or null for the HTTP client's own. */
	private final String userAgent;

	public LaunchClient(String tandemBaseUrl, TestPlatform platform) {
		this(tandemBaseUrl, platform, null);
	}

	/** Another browser: the same platform and Tandem, another {@code User-Agent}. */
	public LaunchClient(String tandemBaseUrl, TestPlatform platform, String userAgent) {
		this.tandem = tandemBaseUrl;
		this.platform = platform;
		this.userAgent = userAgent;
	}

	/**
	 * Moodle's captured login form for {@code who}, addressed to this platform and
	 * Tandem.
	 */
	public Map<String, String> loginForm(String who) {
		Map<String, String> form = MoodleCaptures.loginForm(who);
		form.put("iss", platform.issuer());
		form.put("target_link_uri", tandem + "/lti/launch");
		return form;
	}

	public HttpResponse<String> postLogin(Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(tandem + "/lti/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build());
	}

	/**
	 * Logs in as Moodle would for {@code who} and returns what Tandem sent to the
	 * platform.
	 */
	public Login login(String who) {
		HttpResponse<String> response = postLogin(loginForm(who));
		if (response.statusCode() != 302) {
			throw new AssertionError("Login answered " + response.statusCode() + ": " + response.body());
		}
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		return new Login(location, query(location));
	}

	public HttpResponse<String> postLaunch(Map<String, String> form, String origin) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tandem + "/lti/launch"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Sec-Fetch-Site", "cross-site")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)));
		if (origin != null) {
			request.header("Origin", origin);
		}
		return send(request.build());
	}

	public HttpResponse<String> postLaunch(String idToken, String state) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("id_token", idToken);
		form.put("state", state);
		return postLaunch(form, platform.origin());
	}

	/**
	 * The whole launch of {@code who}, with the captured claims edited as the test says.
	 */
	public Page launchAs(String who, Consumer<Map<String, Object>> edit) {
		Login login = login(who);
		Map<String, Object> claims = platform.claims(who, login.nonce());
		edit.accept(claims);
		return follow(postLaunch(platform.sign(claims), login.state()));
	}

	public Page launchAs(String who) {
		return launchAs(who, claims -> {
		});
	}

	/**
	 * Follows a launch answer to the page it leads to, as the browser in the iframe does.
	 */
	public Page follow(HttpResponse<String> launch) {
		Matcher next = CONTINUE.matcher(launch.body());
		if (launch.statusCode() != 200 || !next.find()) {
			return new Page(launch.statusCode(), launch.body(), launch.uri().toString());
		}
		return open(next.group(1).replace("&amp;", "&"));
	}

	/** Opens a Tandem path from a Tandem page, following same-origin redirects. */
	public Page open(String path) {
		String url = (path.startsWith("http") ? path : tandem + path).replaceAll("#.*$", "");
		for (int hops = 0; hops < 5; hops++) {
			HttpResponse<String> response = get(url, "same-origin");
			if (response.statusCode() / 100 != 3) {
				return new Page(response.statusCode(), response.body(), url);
			}
			url = URI.create(url)
				.resolve(response.headers().firstValue("Location").orElseThrow())
				.toString()
				.replaceAll("#.*$", "");
		}
		throw new AssertionError("Too many redirects from " + path);
	}

	/**
	 * Submits the form of this page whose action contains {@code action}, with its CSRF
	 * token and these fields, from the page itself; follows the answer's redirects.
	 */
	public Page submit(Page page, String action, Map<String, String> fields) {
		Matcher form = Pattern
			.compile("<form[^>]*action=\"([^\"]*" + Pattern.quote(action) + "[^\"]*)\"[^>]*>(.*?)</form>",
					Pattern.DOTALL)
			.matcher(page.body());
		if (!form.find()) {
			throw new AssertionError("No form for " + action + " on " + page.url());
		}
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.group(2));
		Map<String, String> body = new LinkedHashMap<>(fields);
		if (csrf.find()) {
			body.put("_csrf", csrf.group(1));
		}
		return post(form.group(1).replace("&amp;", "&"), body);
	}

	/**
	 * Sends the GET form of this page whose action contains {@code action} as a browser
	 * does: the action's query string is dropped, the form's hidden fields and these
	 * fields are sent instead.
	 */
	public Page fetch(Page page, String action, Map<String, String> fields) {
		Matcher form = Pattern
			.compile("<form[^>]*method=\"get\"[^>]*action=\"([^\"?]*" + Pattern.quote(action)
					+ ")(\\?[^\"]*)?\"[^>]*>(.*?)</form>", Pattern.DOTALL)
			.matcher(page.body());
		if (!form.find()) {
			throw new AssertionError("No GET form for " + action + " on " + page.url());
		}
		Map<String, String> query = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
			.matcher(form.group(3));
		while (hidden.find()) {
			query.put(hidden.group(1), hidden.group(2));
		}
		query.putAll(fields);
		return open(form.group(1) + "?" + encode(query));
	}

	/** Posts a form from a Tandem page, as the browser in the iframe does. */
	public Page post(String path, Map<String, String> fields) {
		return post(path, encode(fields));
	}

	/** Posts a form body as given, for fields that repeat (checkboxes). */
	public Page post(String path, String formBody) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : tandem + path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Sec-Fetch-Site", "same-origin")
					.header("Accept-Language", "fr")
					.POST(HttpRequest.BodyPublishers.ofString(formBody))
					.build());
		if (response.statusCode() / 100 == 3) {
			URI from = URI.create(path.startsWith("http") ? path : tandem + path);
			return open(from.resolve(response.headers().firstValue("Location").orElseThrow()).toString());
		}
		return new Page(response.statusCode(), response.body(), path);
	}

	public HttpResponse<String> get(String url, String fetchSite) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : tandem + url))
			.header("Accept-Language", "fr");
		if (fetchSite != null) {
			request.header("Sec-Fetch-Site", fetchSite);
		}
		return send(request.GET().build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		HttpRequest sent = userAgent == null ? request
				: HttpRequest.newBuilder(request, (name, value) -> true).setHeader("User-Agent", userAgent).build();
		try {
			return http.send(sent, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	/** What Tandem sent the browser to the platform with. */
	public record Login(URI location, Map<String, String> params) {

		public String state() {
			return params.get("state");
		}

		public String nonce() {
			return params.get("nonce");
		}

	}

	/** A page the browser ended on. */
	public record Page(int status, String body, String url) {

		/** The session id the page's links carry, or null. */
		public String sessionId() {
			Matcher matcher = Pattern.compile("[?&]session=([A-Za-z0-9_-]{43})").matcher(url + " " + body);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

}
