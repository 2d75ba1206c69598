package org.tandem.requests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.lti.LaunchClient;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.LaunchTestSupport;
import org.tandem.lti.TestPlatform;
import org.tandem.requests.attachments.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files of requests, replies and notes over real HTTP, as the iframe's browser sends them
 * (multipart, the session in the action, the CSRF token among the parts): who may
 * download what, and every refused file with the form back as it was typed and nothing
 * stored.
 */
class AttachmentsTest extends LaunchTestSupport {

	static final String SYLLABUS = "Syllabus été 2026.pdf";

	private final HttpClient downloads = HttpClient.newHttpClient();

	Page teacher;

	long requestId;

	long syllabusId;

	@BeforeEach
	void aRequestFiledWithASyllabus() {
		teacher = client.launchAs("teacher");
		if (teacher.sessionId() == null) {
			// The first launch of a fresh context may wait past the key set's time-out on
			// a busy machine; the keys are cached after it.
			teacher = client.launchAs("teacher");
		}
		Page form = client.open("/requests/new?session=" + teacher.sessionId());
		Page filed = MultipartForm.of(form, "/requests?")
			.fields(HelpRequestJourneyTest.requestForm("With a syllabus"))
			.file(SYLLABUS, "application/pdf", TestFiles.pdf())
			.send(client, TANDEM);
		assertThat(filed.status()).as(filed.body()).isEqualTo(200);
		requestId = HelpRequestJourneyTest.requestId(filed);
		assertThat(filed.body()).contains("Syllabus été 2026.pdf");
		syllabusId = attachmentIds(filed).get(0);
	}

	@Test
	void teacherAndEngineersDownloadTheRequestsFileWithItsNameAndNothingToRender() throws Exception {
		Page engineer = client.launchAs("noneditingteacher",
				claims -> claims.put(TestPlatform.LTI + "context", Map.of("id", "elsewhere", "title", "Elsewhere")));

		for (Page viewer : List.of(teacher, engineer)) {
			HttpResponse<byte[]> download = download(viewer, requestId, syllabusId);

			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.body()).isEqualTo(TestFiles.pdf());
			assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
			assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(download.headers().firstValue("Content-Disposition"))
				.hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment;")
					.contains("filename*=UTF-8''Syllabus%20%C3%A9t%C3%A9%202026.pdf"));
		}
	}

	@Test
	void replyCarriesItsFilesToBothSides() throws Exception {
		Page request = client.open(HelpRequestJourneyTest.requestLink(teacher, requestId));

		Page replied = MultipartForm.of(request, "/replies?")
			.field("body", "Here is last year's exam.")
			.file("Examen 2025.docx", "application/octet-stream", TestFiles.docx())
			.file("Notes.odt", "application/vnd.oasis.opendocument.text", TestFiles.odt())
			.send(client, TANDEM);

		assertThat(replied.body()).contains("Examen 2025.docx", "Notes.odt");
		List<Long> ids = attachmentIds(replied);
		assertThat(ids).hasSize(3);
		HttpResponse<byte[]> exam = download(teacher, requestId, ids.get(1));
		assertThat(exam.body()).isEqualTo(TestFiles.docx());
		assertThat(exam.headers().firstValue("Content-Type"))
			.contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	@Test
	void internalNotesFilesAreNeverTheTeachers() throws Exception {
		Page engineer = client.launchAs("noneditingteacher",
				claims -> claims.put(TestPlatform.LTI + "context", Map.of("id", "elsewhere", "title", "Elsewhere")));
		Page request = client.open(HelpRequestJourneyTest.requestLink(engineer, requestId));
		Page noted = MultipartForm.of(request, "/notes?")
			.field("body", "Their previous exam, for us.")
			.file("Grille interne.pdf", "application/pdf", TestFiles.pdf())
			.send(client, TANDEM);
		assertThat(noted.body()).contains("Grille interne.pdf");
		long internal = attachmentIds(noted).get(1);

		assertThat(download(engineer, requestId, internal).statusCode()).isEqualTo(200);
		HttpResponse<byte[]> teachers = download(teacher, requestId, internal);
		assertThat(teachers.statusCode()).isEqualTo(404);
		assertThat(new String(teachers.body(), StandardCharsets.UTF_8)).doesNotContain("Grille interne", "%PDF");
		assertThat(client.open(HelpRequestJourneyTest.requestLink(teacher, requestId)).body())
			.doesNotContain("Grille interne")
			.contains(SYLLABUS);
	}

	@Test
	void teacherOfAnotherCourseGetsNothingOfTheFile() throws Exception {
		Page other = client.launchAs("teacher",
				claims -> claims.put(TestPlatform.LTI + "context", Map.of("id", "99", "title", "Another course")));

		HttpResponse<byte[]> download = download(other, requestId, syllabusId);

		assertThat(download.statusCode()).isEqualTo(404);
		assertThat(new String(download.body(), StandardCharsets.UTF_8)).doesNotContain("Syllabus", "%PDF");
		assertThat(download.headers().firstValue("Content-Disposition")).isEmpty();
	}

	@Test
	void engineerOfAnotherPlatformGetsNothingOfTheFile() throws Exception {
		onAnotherPlatform(other -> {
			Page engineer = other.launchAs("noneditingteacher");
			assertThat(engineer.url()).contains("/engineer?");

			HttpResponse<byte[]> download = download(engineer, requestId, syllabusId);

			assertThat(download.statusCode()).isEqualTo(404);
			assertThat(new String(download.body(), StandardCharsets.UTF_8)).doesNotContain("Syllabus", "%PDF");
		});
	}

	@Test
	void fileOfAnotherRequestThroughOneTheTeacherSeesIsNotFound() throws Exception {
		Page form = client.open("/requests/new?session=" + teacher.sessionId());
		long second = HelpRequestJourneyTest
			.requestId(client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm("Without files")));

		assertThat(download(teacher, second, syllabusId).statusCode()).isEqualTo(404);
		assertThat(download(teacher, requestId, syllabusId + 1000).statusCode()).isEqualTo(404);
		assertThat(client.open("/requests/" + requestId + "/attachments/abc?session=" + teacher.sessionId()).status())
			.isEqualTo(400);
		assertThat(client.open("/requests/" + requestId + "/attachments/" + syllabusId).status()).isEqualTo(401);
	}

	@Test
	void oversizedFileBringsTheFormBackAsTypedAndFilesNothing() {
		long requests = count("help_request");
		long files = count("request_attachment");
		Page form = client.open("/requests/new?session=" + teacher.sessionId());

		Page refused = MultipartForm.of(form, "/requests?")
			.fields(HelpRequestJourneyTest.requestForm("Too big a syllabus"))
			.file("Big.pdf", "application/pdf", TestFiles.pdf(10 * 1024 * 1024 + 1))
			.file("Small.pdf", "application/pdf", TestFiles.pdf())
			.send(client, TANDEM);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("“Big.pdf” is 10.1 MB: the limit is 10 MB per file.")
			.contains("choose them again")
			.contains("value=\"Too big a syllabus\"")
			.contains("Align the final exam with the objectives.");
		assertThat(count("help_request")).isEqualTo(requests);
		assertThat(count("request_attachment")).isEqualTo(files);
	}

	@Test
	void webPageNamedAsAPdfIsRefusedAndTheReplyKeptAsTyped() {
		Page request = client.open(HelpRequestJourneyTest.requestLink(teacher, requestId));
		long messages = count("request_message");
		long files = count("request_attachment");

		Page refused = MultipartForm.of(request, "/replies?")
			.field("body", "See the exam attached.")
			.file("exam.pdf", "application/pdf", TestFiles.html())
			.send(client, TANDEM);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("“exam.pdf” does not hold what its name says: it is not a .pdf file.")
			.contains(">See the exam attached.</textarea>");
		assertThat(count("request_message")).isEqualTo(messages);
		assertThat(count("request_attachment")).isEqualTo(files);
	}

	@Test
	void tooManyFilesOrAnUnknownKindAreRefusedInTheTeachersLanguage() {
		Page french = client.launchAs("teacher", claims -> claims.put(TestPlatform.LTI + "launch_presentation",
				Map.of("locale", "fr", "document_target", "iframe")));
		Page request = client.open(HelpRequestJourneyTest.requestLink(french, requestId));
		long messages = count("request_message");
		MultipartForm many = MultipartForm.of(request, "/replies?").field("body", "Six fichiers");
		for (int i = 1; i <= 6; i++) {
			many.file("notes" + i + ".txt", "text/plain", "Semaine 1".getBytes(StandardCharsets.UTF_8));
		}

		assertThat(many.send(client, TANDEM).body())
			.contains("Vous avez choisi 6 fichiers : un message en porte au plus 5.");
		assertThat(MultipartForm.of(request, "/replies?")
			.field("body", "Un programme")
			.file("setup.exe", "application/octet-stream", new byte[] { 'M', 'Z', 0 })
			.send(client, TANDEM)
			.body()).contains("« setup.exe » n’est pas un type de fichier que Tandem accepte.");
		assertThat(count("request_message")).isEqualTo(messages);
	}

	@Test
	void pathAndMarkupInAFileNameAreKeptOutOfTheStoredName() throws Exception {
		Page request = client.open(HelpRequestJourneyTest.requestLink(teacher, requestId));

		Page replied = MultipartForm.of(request, "/replies?")
			.field("body", "Named oddly")
			.file("../../<img src=x onerror=alert(1)>.pdf", "application/pdf", TestFiles.pdf())
			.send(client, TANDEM);

		assertThat(replied.status()).isEqualTo(200);
		assertThat(replied.body()).doesNotContain("<img src=x").contains("_img src=x onerror=alert(1)_.pdf");
		String stored = jdbc.sql("select file_name from request_attachment where request_id = ? order by id desc")
			.param(requestId)
			.query(String.class)
			.list()
			.get(0);
		assertThat(stored).isEqualTo("_img src=x onerror=alert(1)_.pdf");
		HttpResponse<byte[]> download = download(teacher, requestId, attachmentIds(replied).get(1));
		assertThat(download.headers().firstValue("Content-Disposition")).contains(
				"attachment; filename=\"_img src=x onerror=alert(1)_.pdf\"; filename*=UTF-8''_img%20src%3Dx%20onerror%3Dalert%281%29_.pdf");
	}

	@Test
	void multipartFormWithoutItsCsrfTokenStoresNothing() {
		Page request = client.open(HelpRequestJourneyTest.requestLink(teacher, requestId));
		long messages = count("request_message");
		long files = count("request_attachment");

		Page refused = MultipartForm.of(request, "/replies?")
			.withoutToken()
			.field("body", "No token")
			.file("exam.pdf", "application/pdf", TestFiles.pdf())
			.send(client, TANDEM);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(count("request_message")).isEqualTo(messages);
		assertThat(count("request_attachment")).isEqualTo(files);
	}

	/** The page's download links, in the page's order. */
	static List<Long> attachmentIds(Page page) {
		Matcher links = Pattern.compile("href=\"/requests/\\d+/attachments/(\\d+)\\?session=").matcher(page.body());
		return links.results().map(m -> Long.parseLong(m.group(1))).toList();
	}

	/** What a link of the page downloads, as the browser follows it. */
	HttpResponse<byte[]> download(Page viewer, long request, long attachment) throws IOException, InterruptedException {
		return downloads.send(HttpRequest
			.newBuilder(URI.create(
					TANDEM + "/requests/" + request + "/attachments/" + attachment + "?session=" + viewer.sessionId()))
			.header("Sec-Fetch-Site", "same-origin")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
