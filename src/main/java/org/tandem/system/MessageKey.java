package org.tandem.system;

import java.util.Locale;

/**
 * An enum whose every constant has a message in the bundles, keyed by the enum's prefix
 * and the constant's name in kebab case: {@code status.waiting-for-teacher}. Templates
 * read it as {@code #{${status.key()}}}.
 */
public interface MessageKey {

	/** The constant's name, which every enum has. */
	String name();

	/** What every key of this enum starts with: {@code status}. */
	String keyPrefix();

	default String key() {
		return keyPrefix() + "." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
