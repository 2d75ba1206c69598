package org.tandem.artifacts;

import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The names Moodle gives module types and update areas in the reader's language
 * ({@code quiz}: Test in French). What Tandem does not know (a plugin's type) shows as
 * Moodle names it internally.
 */
@Component("artifactTypes")
public class ArtifactTypes {

	private final MessageSource messages;

	ArtifactTypes(MessageSource messages) {
		this.messages = messages;
	}

	public String label(String type) {
		return messages.getMessage("artifact.type." + type, null, type, LocaleContextHolder.getLocale());
	}

	/** The areas Moodle says changed ({@code contentfiles}...), named for the reader. */
	public String areas(Collection<String> areas) {
		return areas.stream()
			.sorted()
			.map(area -> messages.getMessage("change.area." + area, null, area, LocaleContextHolder.getLocale()))
			.collect(Collectors.joining(", "));
	}

}
