package org.tandem.lti;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * LTI properties bound as Spring binds them, with their defaults, for tests without a
 * context.
 */
public final class TestLtiProperties {

	private TestLtiProperties() {
	}

	public static LtiProperties bind(String... keyValues) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			values.put(keyValues[i], keyValues[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("tandem.lti",
				Bindable.of(LtiProperties.class));
	}

}
