package org.tandem.requests;

import java.util.Optional;
import java.util.regex.Pattern;

import org.tandem.system.RandomTokens;

/**
 * Names one request form as the teacher opened it, so that sending it again files nothing
 * new: the database keeps the token with the request filed from it, on every instance. It
 * travels in the form page's address and in the form's action, not in a hidden field:
 * Back reloads the form from the server (pages are never cached) and the browser puts
 * back what was typed, but a hidden field comes back new.
 */
record FilingToken(String value) {

	static final String PARAMETER = "filing";

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

	FilingToken {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a filing token");
		}
	}

	static FilingToken fresh() {
		return new FilingToken(RandomTokens.urlSafe(16));
	}

	/** The token posted or in the address; empty when missing or not one Tandem makes. */
	static Optional<FilingToken> parse(String value) {
		return value != null && SHAPE.matcher(value).matches() ? Optional.of(new FilingToken(value)) : Optional.empty();
	}

	/** As links and redirects write it. */
	@Override
	public String toString() {
		return value;
	}

}
