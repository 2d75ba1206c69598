package org.tandem.requests;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the queue's search compares it, on H2 and PostgreSQL alike: lower case, without
 * accents nor ligatures, one apostrophe ("Évaluation" and "evaluation", "cœur" and
 * "coeur", "l’examen" and "l'examen" are the same). Stored beside each text when it is
 * written (migration V12 fills the rows written before); the words searched are
 * normalised the same way and compared with {@code like}.
 */
final class SearchText {

	/** The longest search, in characters: a few words, not a document. */
	static final int MAX_QUERY = 100;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchText() {
	}

	/** The text normalised, cut to the column's size. */
	static String of(String text, int max) {
		String normalised = normalise(text);
		return normalised.length() <= max ? normalised : normalised.substring(0, max);
	}

	/** The distinct words of what was typed, normalised; none for a blank search. */
	static List<String> words(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		return Arrays.stream(SPACES.split(normalise(query).strip())).distinct().toList();
	}

	/** A {@code like} pattern (escape character {@code \}) for text holding this word. */
	static String containing(String word) {
		return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static String normalise(String text) {
		// Lower case first: some capitals lower into a letter and a combining mark (İ).
		String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
		return MARKS.matcher(decomposed)
			.replaceAll("")
			.replace("œ", "oe")
			.replace("æ", "ae")
			.replace("ß", "ss")
			.replace("ø", "o")
			.replace('’', '\'')
			.replace('‘', '\'');
	}

}
