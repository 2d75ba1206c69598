package org.tandem.requests;

import java.util.Arrays;
import java.util.List;

import org.tandem.artifacts.HelpKind;
import org.tandem.system.MessageKey;

/**
 * What a teacher can ask help with, named so that they need not know the words médiation
 * and médiatisation: each topic belongs to one kind.
 */
public enum Topic implements MessageKey {

	OBJECTIVES(HelpKind.MEDIATION), PROGRESSION(HelpKind.MEDIATION), ACTIVITIES(HelpKind.MEDIATION),
	ASSESSMENT(HelpKind.MEDIATION), HYBRID_DISTANCE(HelpKind.MEDIATION),

	MOODLE_SETUP(HelpKind.MEDIATISATION), ACTIVITY_BUILDING(HelpKind.MEDIATISATION),
	MEDIA_PRODUCTION(HelpKind.MEDIATISATION), ACCESSIBILITY(HelpKind.MEDIATISATION),
	GRADEBOOK_COMPLETION(HelpKind.MEDIATISATION);

	private final HelpKind kind;

	Topic(HelpKind kind) {
		this.kind = kind;
	}

	public HelpKind kind() {
		return kind;
	}

	@Override
	public String keyPrefix() {
		return "topic";
	}

	public static List<Topic> of(HelpKind kind) {
		return Arrays.stream(values()).filter(t -> t.kind == kind).toList();
	}

}
