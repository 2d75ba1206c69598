package org.tandem.requests;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tandem.lti.LaunchClient;
import org.tandem.lti.LaunchClient.Page;

/**
 * A form with files as a browser in the iframe sends it: multipart/form-data to the
 * form's action (which carries the session), its CSRF token among the parts.
 */
final class MultipartForm {

	private final String boundary = "----TandemBoundary" + UUID.randomUUID().toString().replace("-", "");

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private String action;

	/** The form of this page whose action contains {@code action}, with its token. */
	static MultipartForm of(Page page, String action) {
		Matcher form = Pattern
			.compile("<form[^>]*action=\"([^\"]*" + Pattern.quote(action) + "[^\"]*)\"([^>]*)>(.*?)</form>",
					Pattern.DOTALL)
			.matcher(page.body());
		if (!form.find()) {
			throw new AssertionError("No form for " + action + " on " + page.url());
		}
		if (!form.group(2).contains("enctype=\"multipart/form-data\"")) {
			throw new AssertionError("The form for " + action + " does not send files");
		}
		MultipartForm multipart = new MultipartForm();
		multipart.action = form.group(1).replace("&amp;", "&");
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.group(3));
		if (csrf.find()) {
			multipart.field("_csrf", csrf.group(1));
		}
		return multipart;
	}

	MultipartForm fields(Map<String, String> fields) {
		fields.forEach(this::field);
		return this;
	}

	MultipartForm field(String name, String value) {
		part("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n", value.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** A file part; the name as a browser writes it (UTF-8, quotes escaped). */
	MultipartForm file(String fileName, String contentType, byte[] content) {
		part("Content-Disposition: form-data; name=\"attachments\"; filename=\"" + fileName.replace("\"", "%22")
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n", content);
		return this;
	}

	/** Without the CSRF token the page gave, as a form posted from elsewhere would be. */
	MultipartForm withoutToken() {
		MultipartForm copy = new MultipartForm();
		copy.action = action;
		return copy;
	}

	/** Sends it and follows the answer's redirect, as the browser does. */
	Page send(LaunchClient client, String tandem) {
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		URI target = URI.create(tandem + action);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(target)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Sec-Fetch-Site", "same-origin")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
		if (response.statusCode() / 100 == 3) {
			return client.open(target.resolve(response.headers().firstValue("Location").orElseThrow()).toString());
		}
		return new Page(response.statusCode(), response.body(), action);
	}

	private void part(String headers, byte[] content) {
		body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

}
