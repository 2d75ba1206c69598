package org.tandem.artifacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tandem.moodle.CourseContents;

/**
 * The state of every section and module of a course at one moment, in course order.
 */
public record CourseSnapshot(List<Artifact> artifacts) {

	/**
	 * Types whose {@code contents[].timemodified} are file times. For the others (page,
	 * url, book) it is the instance's modification time, which any settings save bumps
	 * and which Moodle's updates report as {@code configuration} anyway.
	 */
	private static final Set<String> FILE_TIMES = Set.of("resource", "folder", "imscp");

	public CourseSnapshot {
		artifacts = List.copyOf(artifacts);
	}

	public static CourseSnapshot of(List<CourseContents.Section> sections) {
		List<Artifact> artifacts = new ArrayList<>();
		for (CourseContents.Section section : sections) {
			artifacts.add(new Artifact(Artifact.Kind.SECTION, section.id(), "section", section.name(), section.id(),
					section.section(), section.visible() != 0, null,
					digest(section.summary(), section.availability())));
			int position = 0;
			for (CourseContents.Module module : section.modules()) {
				artifacts.add(new Artifact(Artifact.Kind.MODULE, module.id(), module.modname(), module.name(),
						section.id(), position++, module.visible() != 0, module.url(), fingerprint(module)));
			}
		}
		return new CourseSnapshot(artifacts);
	}

	/** The sections in course order, each with its modules. */
	public List<SectionOutline> outline() {
		List<SectionOutline> outline = new ArrayList<>();
		List<Artifact> modules = null;
		for (Artifact artifact : artifacts) {
			if (artifact.kind() == Artifact.Kind.SECTION) {
				modules = new ArrayList<>();
				outline.add(new SectionOutline(artifact, modules));
			}
			else if (modules != null) {
				modules.add(artifact);
			}
		}
		return outline.stream().map(s -> new SectionOutline(s.section(), List.copyOf(s.modules()))).toList();
	}

	public Optional<Artifact> find(String key) {
		return artifacts.stream().filter(a -> a.key().equals(key)).findFirst();
	}

	/** A section and its modules, as the request form lists them. */
	public record SectionOutline(Artifact section, List<Artifact> modules) {
	}

	/** The artifacts by key, in course order. */
	Map<String, Artifact> byKey() {
		Map<String, Artifact> map = new LinkedHashMap<>();
		artifacts.forEach(a -> map.put(a.key(), a));
		return map;
	}

	private static String fingerprint(CourseContents.Module module) {
		List<Object> parts = new ArrayList<>(List.of(Objects.toString(module.description(), ""),
				Objects.toString(module.availability(), ""), Objects.toString(module.completion(), "")));
		for (CourseContents.Content content : module.contents()) {
			// A url's content is named after the module (mod_url's export): a rename is
			// not a content change.
			if (!"url".equals(content.type())) {
				parts.add(content.filepath() + content.filename());
			}
			parts.add(content.filesize());
			if (FILE_TIMES.contains(module.modname())) {
				parts.add(content.timemodified());
			}
		}
		return digest(parts.toArray());
	}

	/** A short SHA-256 digest (128 bits, hex) of the parts, each ended by a NUL. */
	static String digest(Object... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Object part : parts) {
				sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
