package org.tandem.system;

import java.util.List;
import java.util.Locale;

/** Tandem's languages: French first (its users' language), and English. */
public final class SupportedLocales {

	public static final List<Locale> ALL = List.of(Locale.FRENCH, Locale.ENGLISH);

	public static final Locale DEFAULT = Locale.FRENCH;

	private SupportedLocales() {
	}

	/**
	 * The supported locale for a platform's locale tag ({@code fr}, {@code fr_ca},
	 * {@code en-US}), or null when Tandem does not speak it.
	 */
	public static Locale of(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
		return ALL.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
	}

}
