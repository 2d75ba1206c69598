package org.tandem.lti.session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import org.tandem.lti.LaunchSession;
import org.tandem.lti.MessageType;
import org.tandem.lti.Role;

import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * {@code @WebMvcTest} slices of Tandem's pages, secured as the application is and entered
 * as a launch, so that a controller's branches are tested without a launch journey.
 */
public final class PageSlices {

	/** The platform of {@link #launch}. */
	public static final long PLATFORM_ID = 1;

	/** The course of {@link #launch}. */
	public static final long COURSE_ID = 10;

	private PageSlices() {
	}

	/**
	 * Tandem's page security in the slice: every page needs a launch, roles are checked
	 * by {@code @PreAuthorize}, forms need their CSRF token. The slice mocks
	 * {@code PlatformRegistry}, which the security headers and the layout read.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Import(WebSecurityConfiguration.class)
	public @interface Secured {

	}

	/** This person's launch of the course, in English, with these roles. */
	public static LaunchSession launch(long personId, Role... roles) {
		return new LaunchSession(PLATFORM_ID, "Test Moodle", "1", COURSE_ID, "2", "LTI Lab Course", "LTILAB", personId,
				Long.toString(personId), "Person " + personId, null, Locale.ENGLISH, Set.of(roles),
				MessageType.RESOURCE_LINK, "1");
	}

	/** The request made in the session this launch opened. */
	public static RequestPostProcessor as(LaunchSession launch) {
		return authentication(new LaunchAuthentication(launch));
	}

}
