package org.tandem.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

/**
 * An answer captured from Moodle 4.5 (under {@code demo/} in the resources), as a tree so
 * that every field Moodle sends is kept, with the capture site's address replaced by the
 * demo site's wherever it appears (module links, file URLs, links inside availability
 * texts).
 */
final class CapturedJson {

	/** The wwwroot of the Moodle the answers were captured from. */
	private static final String CAPTURE_SITE = "http://127.0.0.1:8000";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CapturedJson() {
	}

	static JsonNode read(String resource, String siteUrl) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			JsonNode tree = JSON.readTree(in);
			relocate(tree, siteUrl);
			return tree;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	private static void relocate(JsonNode node, String siteUrl) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (field.getValue().isString()) {
					object.put(field.getKey(), field.getValue().stringValue().replace(CAPTURE_SITE, siteUrl));
				}
				else {
					relocate(field.getValue(), siteUrl);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				if (array.get(i).isString()) {
					array.set(i, array.get(i).stringValue().replace(CAPTURE_SITE, siteUrl));
				}
				else {
					relocate(array.get(i), siteUrl);
				}
			}
		}
	}

}
