package org.tandem.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/** Finds the reference an error page shows in the log it was written to. */
public final class ErrorReferencesTestSupport {

	private static final Pattern REFERENCE = Pattern.compile("class=\"tandem-correlation\">([0-9a-f]{12})<");

	private ErrorReferencesTestSupport() {
	}

	/** The page's reference is on a log line that says what happened. */
	public static void assertLogged(CapturedOutput output, String page, String what) {
		Matcher reference = REFERENCE.matcher(page);
		assertThat(reference.find()).as(page).isTrue();
		assertThat(output.getAll()).containsPattern("\\[" + reference.group(1) + "\\] .*" + Pattern.quote(what));
	}

}
