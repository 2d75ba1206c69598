package org.tandem.system;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * Work handed to Spring's task executor (event listeners, a course check past the form's
 * wait) logs under the correlation id of the request that caused it, so that one id finds
 * all a person's action did.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundWork {

	/** Spring Boot applies it to the application's task executor. */
	@Bean
	TaskDecorator correlationIdDecorator() {
		return task -> {
			Map<String, String> context = MDC.getCopyOfContextMap();
			return () -> {
				Map<String, String> previous = MDC.getCopyOfContextMap();
				MDC.setContextMap(context == null ? Map.of() : context);
				try {
					task.run();
				}
				finally {
					MDC.setContextMap(previous == null ? Map.of() : previous);
				}
			};
		};
	}

}
