package org.tandem.lti;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * What an administrator declares about a platform, in a file of
 * {@code lti-config/platforms/} or from the demo platform.
 *
 * @param siteUrl the Moodle site's address (its wwwroot); the issuer when not given
 * @param enabled false refuses every launch from this platform and keeps its data
 * @param webServices optional: Moodle's web services, which show Tandem the course; the
 * platform's administrator may set them on the admin page instead
 */
public record PlatformRegistration(@NotBlank String name, @NotBlank String issuer, @NotBlank String clientId,
		@NotNull URI authUrl, @NotNull URI tokenUrl, @NotNull URI jwksUrl, URI siteUrl,
		@NotEmpty List<@NotBlank String> deploymentIds, List<@Valid Engineer> engineers, Boolean enabled,
		@Valid WebServices webServices) {

	public PlatformRegistration {
		engineers = engineers == null ? List.of() : List.copyOf(engineers);
		siteUrl = siteUrl == null ? URI.create(issuer) : siteUrl;
		enabled = enabled == null || enabled;
	}

	/**
	 * Moodle's web services for this platform.
	 *
	 * @param siteUrl where Moodle serves them (its wwwroot); the platform's site when not
	 * given
	 * @param token the service account's token: a secret, stored encrypted, never logged
	 */
	public record WebServices(URI siteUrl, @NotBlank String token) {

		@Override
		public String toString() {
			return "WebServices[" + siteUrl + "]";
		}

	}

	/**
	 * An engineer of the platform, named by LMS user id (the launch's {@code sub}) or
	 * e-mail.
	 */
	public record Engineer(String lmsUserId, String email) {

		@AssertTrue(message = "needs lms-user-id or email")
		public boolean isNamed() {
			return (lmsUserId != null && !lmsUserId.isBlank()) || (email != null && !email.isBlank());
		}

	}

}
